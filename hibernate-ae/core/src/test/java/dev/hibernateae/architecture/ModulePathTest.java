package dev.hibernateae.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core's module descriptor works: a named application module ({@code src/test/modular-app}) compiled against the
 * core on the module path, then run on it with Hibernate and H2 (nothing on the class path), stores, finds and loads
 * an {@code @Encrypted} value with keys from the test vectors' PKCS12 keystore; the core exports exactly its public
 * packages, so a module that names an internal class does not compile and cannot call one reflectively.
 *
 * <p>The tests themselves run on the class path; this one starts a JVM of its own. The core is
 * {@code target/classes}, the exploded module the jar is packaged from.
 */
class ModulePathTest {
    private static final Path CORE = Path.of("target", "classes");
    private static final Path APP_SOURCES = Path.of("src", "test", "modular-app");
    private static final List<String> PUBLIC_PACKAGES = List.of("dev.hibernateae.admin", "dev.hibernateae.api",
            "dev.hibernateae.keystore", "dev.hibernateae.lifecycle", "dev.hibernateae.spi");

    private static String modulePath;
    /**
     * jakarta.transaction-api 2.0.1's descriptor requires jakarta.cdi and jakarta.interceptor, which Hibernate does not
     * bring: on the module path it cannot resolve. On the class path, Hibernate (an automatic module, which reads the
     * class path) still finds it, as applications on the module path arrange it.
     */
    private static String classPath;

    @BeforeAll
    static void modulePath() throws IOException {
        assertTrue(Files.isRegularFile(CORE.resolve("module-info.class")), "no module-info.class in " + CORE);
        List<String> entries = new ArrayList<>();
        entries.add(CORE.toString());
        // Hibernate and what it needs at run time, as Maven resolved them for the core.
        String runtime = Files.readString(Path.of(System.getProperty("ae.runtime.classpath",
                "target/runtime-classpath.txt"))).trim();
        List<String> onClassPath = new ArrayList<>();
        for (String entry : runtime.split(java.io.File.pathSeparator)) {
            (Path.of(entry).getFileName().toString().startsWith("jakarta.transaction-api") ? onClassPath : entries)
                    .add(entry);
        }
        classPath = String.join(java.io.File.pathSeparator, onClassPath);
        // The JDBC driver, a test dependency of the core.
        entries.add(Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> Path.of(e).getFileName().toString().matches("h2-[0-9.]+\\.jar")).findFirst()
                .orElseThrow(() -> new AssertionError("no H2 jar on the test class path")));
        modulePath = String.join(java.io.File.pathSeparator, entries);
    }

    @Test
    void anApplicationModuleStoresAndLoadsEncryptedValuesWithTheCoreOnTheModulePath(@TempDir Path out)
            throws Exception {
        Path classes = out.resolve("app");
        Compilation compiled = compile(classes, sources(APP_SOURCES));
        assertEquals(0, compiled.exitCode, compiled.messages);

        Path keystore = Path.of(System.getProperty("ae.vectors.dir", "src/test/resources/vectors"))
                .resolve("cmk-keystore.p12");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", classes + java.io.File.pathSeparator + modulePath,
                // hibernate-core is an automatic module, which declares no dependencies: its own (jboss-logging,
                // byte-buddy, JAXB...) and the JDBC driver are resolved only when added. That opens nothing.
                "--add-modules", "ALL-MODULE-PATH", "--class-path", classPath,
                "-m", "app.example/app.example.Main", keystore.toAbsolutePath().toString(), "changeit", "cmk1");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the application did not end");
        assertEquals(0, process.exitValue(), output);

        assertTrue(output.contains("storedIsCiphertext=true"), output);
        assertTrue(output.contains("loadedEqualsStored=true"), output);
        assertTrue(output.contains("foundByEquality=true"), output);
        assertTrue(output.contains("likeRefused=true"), output);
        assertTrue(output.contains("coreModule=dev.hibernateae.core"), output);
        assertTrue(output.contains("exported=" + PUBLIC_PACKAGES), output);
        assertTrue(output.contains("internalReadable=false"), output);
    }

    @Test
    void aModuleThatNamesAnInternalClassDoesNotCompile(@TempDir Path out) throws IOException {
        Path src = out.resolve("src");
        Files.createDirectories(src.resolve("app/internal"));
        Files.writeString(src.resolve("module-info.java"),
                "module app.internal { requires dev.hibernateae.core; }\n");
        Files.writeString(src.resolve("app/internal/UsesGuard.java"), "package app.internal;\n"
                + "public class UsesGuard { dev.hibernateae.internal.guard.QueryGuard guard; }\n");
        Compilation compiled = compile(out.resolve("classes"), sources(src));
        assertNotEquals(0, compiled.exitCode, "compiled against an internal package");
        assertTrue(compiled.messages.contains("dev.hibernateae.internal.guard")
                && compiled.messages.contains("does not export"), compiled.messages);
    }

    private record Compilation(int exitCode, String messages) {
    }

    private static Compilation compile(Path classes, List<String> sources) {
        // An explicit class path: javac run in this JVM would otherwise see the test class path, core included.
        List<String> args = new ArrayList<>(List.of("--module-path", modulePath, "--class-path", classPath,
                "-d", classes.toString(),
                "-Xlint:-requires-transitive-automatic"));
        args.addAll(sources);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(messages, true, StandardCharsets.UTF_8);
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new AssertionError("no javac"));
        int exitCode = javac.run(stream, stream, args.toArray(String[]::new));
        return new Compilation(exitCode, messages.toString(StandardCharsets.UTF_8));
    }

    private static List<String> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
