package dev.hibernateae.benchmarks.suite;

import dev.hibernateae.benchmarks.boot.BootBenchmark;
import dev.hibernateae.benchmarks.support.Alternation;
import java.util.Random;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Session factory boot, 50 encrypted attributes against the same model in plaintext: warm (alternating iterations
 * in one JVM per round) and cold (the first boot of a fresh JVM, twins in a random order per pair).
 */
final class BootSection {
    private final SuiteProfile profile;
    private final JmhRuns runs;
    final PairedRuns warm = new PairedRuns("ms");
    final PairedRuns cold = new PairedRuns("ms");

    BootSection(SuiteProfile profile, JmhRuns runs) {
        this.profile = profile;
        this.runs = runs;
    }

    void run() throws Exception {
        for (int round = 0; round < profile.rounds(); round++) {
            long seed = 5_000L + round;
            BenchmarkSuite.progress("round " + (round + 1) + "/" + profile.rounds() + ": warm boot");
            var options = new OptionsBuilder()
                    .include(BootBenchmark.class.getName() + ".warm$")
                    .param("model", Alternation.ALTERNATING)
                    .param("orderSeed", String.valueOf(seed))
                    .warmupIterations(profile.entityWarmups())
                    .warmupTime(TimeValue.seconds(2L * profile.seconds()))
                    .measurementIterations(profile.entityIterations())
                    .measurementTime(TimeValue.seconds(2L * profile.seconds()))
                    .forks(1);
            warm.add(runs.runOne("boot-warm-round" + (round + 1), options), seed, profile.entityWarmups());
        }
        Random order = new Random(20_260_777L);
        for (int pair = 0; pair < profile.coldBoots(); pair++) {
            BenchmarkSuite.progress("cold boot " + (pair + 1) + "/" + profile.coldBoots());
            boolean plaintextFirst = order.nextBoolean();
            double first = cold(plaintextFirst ? "PLAINTEXT" : "ENCRYPTED", pair);
            double second = cold(plaintextFirst ? "ENCRYPTED" : "PLAINTEXT", pair);
            cold.addPair(plaintextFirst ? first : second, plaintextFirst ? second : first);
        }
    }

    private double cold(String model, int pair) throws Exception {
        var options = new OptionsBuilder()
                .include(BootBenchmark.class.getName() + ".cold$")
                .param("model", model)
                .warmupIterations(0)
                .measurementIterations(1)
                .forks(1);
        return runs.runOne("boot-cold-" + model.toLowerCase() + "-" + (pair + 1), options).getPrimaryResult()
                .getScore();
    }
}
