package dev.hibernateae.samples.clinic;

import java.io.PrintStream;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * README's demo: starts the clinic without its web server, runs {@link DemoScript} and exits, 0 when every step
 * behaved as shown. {@code --database=postgresql} or {@code --database=mariadb} runs it on a server database.
 */
public final class ClinicDemo {
    private ClinicDemo() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        int status;
        try (ConfigurableApplicationContext context = start(args)) {
            new DemoScript(context, out).run();
            status = 0;
        } catch (RuntimeException e) {
            out.flush();
            System.err.println();
            System.err.println("The demo failed: " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.err.println("  caused by: " + cause);
            }
            status = 1;
        }
        System.exit(status);
    }

    static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(ClinicApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // Quiet, so the demo's own lines stand out; application.properties or arguments may override.
                .properties(Map.of("logging.level.root", "warn", "logging.level.org.hibernate", "error",
                        // The script says itself when it created the demo keys.
                        "logging.level.dev.hibernateae.samples.clinic.demokeys", "error"))
                .run(args);
    }
}
