package dev.hibernateae.internal.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reproducible random keys and plaintexts for the cross-checks: every plaintext length from 0 to 64 (each block
 * boundary and its neighbours), then random lengths up to 300, with a fresh random key every few plaintexts. The
 * seed is printed in assertion messages so a failure can be replayed with {@code -Dae.test.seed=...}.
 */
final class RandomCells {
    static final int MAX_LENGTH = 300;

    /** A column encryption key and the plaintexts to encrypt under it. */
    record Batch(byte[] cek, List<byte[]> plaintexts) {
    }

    final long seed;
    private final SplittableRandom random;

    RandomCells() {
        this(Long.getLong("ae.test.seed", System.nanoTime()));
    }

    RandomCells(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /**
     * {@code total} plaintexts in batches of {@code perKey}; the first 65 cover every length 0..64, once.
     */
    List<Batch> batches(int total, int perKey) {
        List<Batch> batches = new ArrayList<>();
        int made = 0;
        while (made < total) {
            List<byte[]> plaintexts = new ArrayList<>();
            for (int i = 0; i < perKey && made < total; i++, made++) {
                int length = made <= 64 ? made : random.nextInt(MAX_LENGTH + 1);
                plaintexts.add(bytes(length));
            }
            batches.add(new Batch(bytes(CellKey.KEY_LENGTH), plaintexts));
        }
        return batches;
    }

    byte[] bytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    @Override
    public String toString() {
        return "seed " + seed;
    }
}
