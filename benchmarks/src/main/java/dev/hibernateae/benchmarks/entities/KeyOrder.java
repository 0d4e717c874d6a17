package dev.hibernateae.benchmarks.entities;

/**
 * The order in which rows' national IDs (the indexed attribute) follow the row number. Every twin gets the same IDs
 * in the same order; what differs is what the index stores. A deterministic cell is pseudo-random whatever the
 * plaintext, so the encrypted twin's index takes each new row somewhere in its middle. With {@link #ASCENDING} IDs the
 * plaintext twin's index only ever grows at one place, which real national IDs (or emails, or names) do not do: that
 * order flatters the plaintext twin, and {@link #RANDOM} is the fair comparison.
 */
public enum KeyOrder {
    /** IDs grow with the row number ({@code 7919 i + 12345} stays below 10^9 for every row the benchmarks make). */
    ASCENDING(7_919L),
    /**
     * IDs in pseudo-random order: {@code 618033989} is coprime to 10^9 (odd, and does not end in 5), so multiplying by
     * it modulo 10^9 is a bijection and IDs stay unique; being the golden ratio's fractional part times 10^9, it
     * spreads any run of consecutive rows evenly over the whole range, as far apart as a multiplier can.
     */
    RANDOM(618_033_989L);

    private static final long RANGE = 1_000_000_000L;

    private final long multiplier;

    KeyOrder(long multiplier) {
        this.multiplier = multiplier;
    }

    /** The national ID of row {@code i}, a number below 10^9: distinct rows, distinct IDs. */
    long nationalId(int i) {
        return (i * multiplier + 12_345L) % RANGE;
    }
}
