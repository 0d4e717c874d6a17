package dev.hibernateae.benchmarks.support;

import java.util.SplittableRandom;

/**
 * Which twin iteration {@code i} of an {@code ALTERNATING} run measures: iterations come in pairs, one for the
 * candidate (the encrypted twin, or a peer) and one for the baseline it is compared with, in an order drawn per pair
 * from {@code seed}. A pair's two iterations run back to back in the same JVM, so whatever else the machine does at
 * that moment weighs on both; drawing the order keeps one twin from always paying for the garbage the other left
 * behind. The suite recomputes the same sequence to pair the results.
 */
public final class Alternation {
    /** The value of a benchmark's {@code model} parameter that alternates. */
    public static final String ALTERNATING = "ALTERNATING";

    private Alternation() {
    }

    /** Whether iteration {@code iteration} (warm-up included, from 0) measures the candidate twin. */
    public static boolean candidateAt(long seed, int iteration) {
        int pair = iteration / 2;
        boolean baselineFirst = new SplittableRandom(seed * 1_000_003L + pair).nextBoolean();
        boolean first = iteration % 2 == 0;
        return first != baselineFirst;
    }

    /**
     * Whether iteration {@code iteration} measures the encrypted twin under a {@code model} parameter of
     * {@code PLAINTEXT}, {@code ENCRYPTED} or {@link #ALTERNATING} between them.
     */
    public static boolean encrypted(String model, long seed, int iteration) {
        return switch (model) {
            case ALTERNATING -> candidateAt(seed, iteration);
            case "PLAINTEXT" -> false;
            case "ENCRYPTED" -> true;
            default -> throw new IllegalArgumentException("model must be PLAINTEXT, ENCRYPTED or " + ALTERNATING
                    + ", not " + model);
        };
    }
}
