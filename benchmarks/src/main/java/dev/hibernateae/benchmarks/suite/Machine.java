package dev.hibernateae.benchmarks.suite;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the figures were measured on. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        StringBuilder out = new StringBuilder();
        out.append("- CPU: ").append(cpuModel()).append(", `nproc` = ")
                .append(Runtime.getRuntime().availableProcessors()).append('\n');
        out.append("- Memory (`free -h`, total): ").append(memory()).append('\n');
        out.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vendor"))
                .append("), forks run with `").append(String.join(" ", JmhRuns.JVM_ARGS)).append("`\n");
        out.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        return out.toString();
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            Process free = new ProcessBuilder(List.of("free", "-h")).redirectErrorStream(true).start();
            String output = new String(free.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (free.waitFor(10, TimeUnit.SECONDS) && free.exitValue() == 0) {
                for (String line : output.split("\n")) {
                    if (line.startsWith("Mem:")) {
                        return line.trim().split("\\s+")[1];
                    }
                }
            }
        } catch (IOException e) {
            // no free(1): fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return (bytes >> 20) + " MiB";
    }
}
