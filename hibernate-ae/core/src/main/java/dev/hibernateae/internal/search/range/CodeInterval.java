package dev.hibernateae.internal.search.range;

/**
 * A non-empty interval of codes, both ends included, compared as unsigned 64-bit integers: what a comparison on an
 * attribute becomes once its bound is encoded, and what {@link DyadicCover#cover} splits into tree nodes.
 *
 * @param lo the first code, unsigned
 * @param hi the last code, unsigned, not below {@code lo}
 */
public record CodeInterval(long lo, long hi) {
    /** Rejects an empty interval: an interval that matches nothing is represented by its absence. */
    public CodeInterval {
        if (Long.compareUnsigned(lo, hi) > 0) {
            // codes stand for plaintext values: not in the message
            throw new IllegalArgumentException(
                    "interval start is above its end; represent an interval that matches nothing as absent");
        }
    }

    /** Whether {@code code} lies in this interval (unsigned comparison). */
    public boolean contains(long code) {
        return Long.compareUnsigned(lo, code) <= 0 && Long.compareUnsigned(code, hi) <= 0;
    }
}
