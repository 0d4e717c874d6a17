package dev.hibernateae.benchmarks.support;

import java.util.SplittableRandom;

/**
 * Which twin iteration {@code i} of an {@code ALTERNATING} run measures: iterations come in pairs, one per twin, in
 * an order drawn per pair from {@code seed}. A pair's two iterations run back to back in the same JVM, so whatever
 * else the machine does at that moment weighs on both; drawing the order keeps one twin from always paying for the
 * garbage the other left behind. The suite recomputes the same sequence to pair the results.
 */
public final class Alternation {
    /** The value of a benchmark's {@code model} parameter that alternates. */
    public static final String ALTERNATING = "ALTERNATING";

    private Alternation() {
    }

    /** Whether iteration {@code iteration} (warm-up included, from 0) measures the encrypted twin. */
    public static boolean encryptedAt(long seed, int iteration) {
        int pair = iteration / 2;
        boolean plaintextFirst = new SplittableRandom(seed * 1_000_003L + pair).nextBoolean();
        boolean first = iteration % 2 == 0;
        return first != plaintextFirst;
    }

    /** The twins a {@code model} parameter asks for: plaintext, encrypted, or both (alternating). */
    public static boolean wants(String model, boolean encrypted) {
        return switch (model) {
            case ALTERNATING -> true;
            case "PLAINTEXT" -> !encrypted;
            case "ENCRYPTED" -> encrypted;
            default -> throw new IllegalArgumentException("model must be PLAINTEXT, ENCRYPTED or " + ALTERNATING
                    + ", not " + model);
        };
    }

    /** The twin iteration {@code iteration} measures under parameter {@code model}. */
    public static boolean encrypted(String model, long seed, int iteration) {
        return model.equals(ALTERNATING) ? encryptedAt(seed, iteration) : model.equals("ENCRYPTED");
    }
}
