package dev.hibernateae.benchmarks.suite;

import dev.hibernateae.benchmarks.allocation.CellAllocationBenchmark;
import java.util.Collection;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Bytes allocated per encrypted cell, through the converters and the cipher alone (JMH's GC profiler). */
final class AllocationSection {
    private final SuiteProfile profile;
    private final JmhRuns runs;
    Collection<RunResult> results;

    AllocationSection(SuiteProfile profile, JmhRuns runs) {
        this.profile = profile;
        this.runs = runs;
    }

    void run() throws Exception {
        BenchmarkSuite.progress("allocation per encrypted cell");
        var options = new OptionsBuilder()
                .include(CellAllocationBenchmark.class.getName() + ".")
                .warmupIterations(profile.microWarmups())
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(profile.microIterations())
                .measurementTime(TimeValue.seconds(1))
                .forks(1)
                .addProfiler(GCProfiler.class);
        results = runs.run("allocation", options);
    }

    /** Nanoseconds per call of one {@code CellAllocationBenchmark} method, or NaN when it did not run. */
    double nanos(String method) {
        if (results == null) {
            return Double.NaN;
        }
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElse(Double.NaN);
    }

    static double bytesPerOperation(RunResult result) {
        return result.getSecondaryResults().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
                .mapToDouble(entry -> entry.getValue().getScore()).findFirst().orElse(Double.NaN);
    }
}
