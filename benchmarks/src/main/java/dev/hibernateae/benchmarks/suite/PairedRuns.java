package dev.hibernateae.benchmarks.suite;

import dev.hibernateae.benchmarks.support.Alternation;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The measurements of one operation, a candidate twin (encrypted by hibernate-ae, or by a peer) against a baseline
 * twin (plaintext, or the binary twin), gathered from alternating runs: each pair of iterations (one per twin, back
 * to back in the same JVM) gives one ratio.
 */
final class PairedRuns {
    private final String unit;
    private final List<Double> baseline = new ArrayList<>();
    private final List<Double> candidate = new ArrayList<>();
    private final List<Double> baselineBytes = new ArrayList<>();
    private final List<Double> candidateBytes = new ArrayList<>();
    private final List<Double> ratios = new ArrayList<>();
    private final List<Double> roundRatios = new ArrayList<>();

    PairedRuns(String unit) {
        this.unit = unit;
    }

    /** Adds the measured iterations of one alternating run that used {@code seed} after {@code warmups}. */
    void add(RunResult run, long seed, int warmups) {
        BenchmarkResult benchmark = run.getBenchmarkResults().iterator().next();
        List<IterationResult> iterations = new ArrayList<>(benchmark.getIterationResults());
        List<Double> roundPairs = new ArrayList<>();
        for (int j = 0; j + 1 < iterations.size(); j += 2) {
            IterationResult first = iterations.get(j);
            IterationResult second = iterations.get(j + 1);
            boolean firstCandidate = Alternation.candidateAt(seed, warmups + j);
            if (firstCandidate == Alternation.candidateAt(seed, warmups + j + 1)) {
                throw new IllegalStateException("iterations " + j + " and " + (j + 1) + " are not a pair");
            }
            IterationResult cand = firstCandidate ? first : second;
            IterationResult base = firstCandidate ? second : first;
            candidate.add(cand.getPrimaryResult().getScore());
            baseline.add(base.getPrimaryResult().getScore());
            allocation(cand, candidateBytes);
            allocation(base, baselineBytes);
            double ratio = cand.getPrimaryResult().getScore() / base.getPrimaryResult().getScore();
            ratios.add(ratio);
            roundPairs.add(ratio);
        }
        roundRatios.add(Stats.geometricMean(roundPairs).value());
    }

    /** Adds one single-shot sample per twin (the cold boot): one pair. */
    void addPair(double baselineScore, double candidateScore) {
        baseline.add(baselineScore);
        candidate.add(candidateScore);
        ratios.add(candidateScore / baselineScore);
    }

    private static void allocation(IterationResult iteration, List<Double> into) {
        for (var entry : iteration.getSecondaryResults().entrySet()) {
            if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
                Result<?> result = entry.getValue();
                into.add(result.getScore());
            }
        }
    }

    String unit() {
        return unit;
    }

    Stats.Interval baseline() {
        return Stats.mean(baseline);
    }

    Stats.Interval candidate() {
        return Stats.mean(candidate);
    }

    /** Geometric mean of the pair ratios, candidate over baseline. */
    Stats.Interval ratio() {
        return Stats.geometricMean(ratios);
    }

    /** The ratio of each round (fork) alone: how much forks disagree. */
    List<Double> roundRatios() {
        return List.copyOf(roundRatios);
    }

    /** Mean bytes allocated per operation, or NaN without the GC profiler. */
    double baselineBytes() {
        return Stats.mean(baselineBytes).value();
    }

    double candidateBytes() {
        return Stats.mean(candidateBytes).value();
    }

    int pairs() {
        return ratios.size();
    }
}
