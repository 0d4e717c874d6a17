package dev.hibernateae.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * Runs one JMH configuration at a time, every fork with the same JVM flags, JMH's human output in
 * {@code <name>.log} and its JSON in {@code <name>.json}. JMH lets one run at a time hold its machine-wide lock; when
 * another run (another checkout's benchmarks) holds it, this waits for it rather than measure two runs at once.
 */
final class JmhRuns {
    /** The flags of every forked JVM; the PostgreSQL location is passed on when it was set. */
    static final List<String> JVM_ARGS = jvmArgs();

    private final Path directory;

    JmhRuns(Path directory) {
        this.directory = directory;
    }

    /** Runs a configuration that yields one result (one benchmark method, one parameter set). */
    RunResult runOne(String name, ChainedOptionsBuilder options) throws RunnerException, InterruptedException {
        Collection<RunResult> results = run(name, options);
        if (results.size() != 1) {
            throw new IllegalStateException(name + " gave " + results.size() + " results instead of 1; see "
                    + directory.resolve(name + ".log"));
        }
        return results.iterator().next();
    }

    Collection<RunResult> run(String name, ChainedOptionsBuilder options) throws RunnerException,
            InterruptedException {
        options.jvmArgs(JVM_ARGS.toArray(String[]::new))
                .shouldFailOnError(true)
                .output(directory.resolve(name + ".log").toString())
                .result(directory.resolve(name + ".json").toString())
                .resultFormat(ResultFormatType.JSON);
        long waitedSince = -1;
        while (true) {
            try {
                return new Runner(options.build()).run();
            } catch (RunnerException e) {
                if (!String.valueOf(e.getMessage()).contains("JMH lock")) {
                    throw new RunnerException(name + " failed; see " + directory.resolve(name + ".log"), e);
                }
                if (waitedSince < 0) {
                    waitedSince = System.nanoTime();
                    BenchmarkSuite.progress("  another JMH run holds the JMH lock; waiting for it to finish");
                } else if (System.nanoTime() - waitedSince > 3L * 3600 * 1_000_000_000L) {
                    throw new RunnerException("Waited 3 hours for the JMH lock; giving up", e);
                }
                Thread.sleep(10_000);
            }
        }
    }

    Path directory() {
        return directory;
    }

    static Path createDirectory(Path directory) throws IOException {
        return Files.createDirectories(directory);
    }

    private static List<String> jvmArgs() {
        List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        for (String property : List.of("bench.postgresql.url", "bench.postgresql.user")) {
            String value = System.getProperty(property);
            if (value != null) {
                args.add("-D" + property + "=" + value);
            }
        }
        return List.copyOf(args);
    }
}
