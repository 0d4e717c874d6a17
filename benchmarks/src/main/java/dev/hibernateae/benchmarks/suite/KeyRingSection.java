package dev.hibernateae.benchmarks.suite;

import dev.hibernateae.benchmarks.keyring.ConcurrentUnwrapProbe;
import dev.hibernateae.benchmarks.keyring.KeyRingBenchmark;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The key ring: single flight under 32 threads (a count), and cold against cached latency. */
final class KeyRingSection {
    static final String[] METHODS = {"firstUnwrap", "coldUnwrap", "endpointRoundTrip", "cachedLookup"};

    private final SuiteProfile profile;
    private final JmhRuns runs;
    final Map<String, RunResult> latencies = new LinkedHashMap<>();
    ConcurrentUnwrapProbe.Result probe;

    KeyRingSection(SuiteProfile profile, JmhRuns runs) {
        this.profile = profile;
        this.runs = runs;
    }

    void run() throws Exception {
        BenchmarkSuite.progress("key ring: 32 threads on a cold ring, " + profile.probeTrials() + " trials");
        probe = new ConcurrentUnwrapProbe(32, 4, profile.probeTrials()).run();
        for (String method : METHODS) {
            BenchmarkSuite.progress("key ring: " + method);
            var options = new OptionsBuilder()
                    .include(KeyRingBenchmark.class.getName() + "." + method + "$")
                    .warmupIterations(profile.microWarmups())
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(profile.microIterations())
                    .measurementTime(TimeValue.seconds(1))
                    .forks(1);
            latencies.put(method, runs.runOne("keyring-" + method, options));
        }
    }
}
