package dev.hibernateae.benchmarks.search;

import java.util.Random;

/**
 * The rows every side of {@link SearchBenchmark} holds, from one seeded {@link Random}: row {@code i} (id
 * {@code i + 1}) has a name of {@value #NAME_LENGTH} random lowercase letters and an amount uniform in 0 to
 * {@value #MAX_AMOUNT}, the domain {@link SearchableItem} declares. Also sizes the queries so each matches about
 * {@value #TARGET_MATCHES} rows.
 */
final class ItemValues {
    static final int NAME_LENGTH = 8;
    static final long MAX_AMOUNT = 100_000_000L;
    static final int TARGET_MATCHES = 100;

    final String[] names;
    final long[] amounts;

    ItemValues(int rows, long seed) {
        Random random = new Random(seed);
        names = new String[rows];
        amounts = new long[rows];
        char[] letters = new char[NAME_LENGTH];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < NAME_LENGTH; j++) {
                letters[j] = (char) ('a' + random.nextInt(26));
            }
            names[i] = new String(letters);
            amounts[i] = (long) (random.nextDouble() * (MAX_AMOUNT + 1));
        }
    }

    int rows() {
        return names.length;
    }

    /**
     * The prefix length whose expected match count, {@code rows / 26^length}, is nearest {@value #TARGET_MATCHES}
     * on a log scale: 2 letters at 100,000 rows (148 expected), 3 at 1,000,000 (57).
     */
    int prefixLength() {
        int best = 1;
        for (int length = 2; length <= NAME_LENGTH; length++) {
            if (Math.abs(Math.log(expectedMatches(length) / TARGET_MATCHES))
                    < Math.abs(Math.log(expectedMatches(best) / TARGET_MATCHES))) {
                best = length;
            }
        }
        return best;
    }

    double expectedMatches(int prefixLength) {
        return rows() / Math.pow(26, prefixLength);
    }

    /** A pattern {@code like} finds: the prefix of a random row's name, so it matches at least that row. */
    String prefixPattern(Random random) {
        return names[random.nextInt(rows())].substring(0, prefixLength()) + "%";
    }

    /** How many consecutive amounts a range spans so that it holds about {@value #TARGET_MATCHES} rows. */
    long rangeWidth() {
        return Math.max(1, Math.round((double) TARGET_MATCHES * (MAX_AMOUNT + 1) / rows()));
    }

    /** The lower bound of a random range of {@link #rangeWidth()} amounts inside the domain. */
    long rangeStart(Random random) {
        return (long) (random.nextDouble() * (MAX_AMOUNT + 2 - rangeWidth()));
    }
}
