package dev.hibernateae.internal.search.range;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * An attribute's declared domain mapped order-preservingly onto the unsigned codes {@code 0 .. lastCode()}, which
 * fit {@code bits()} bits: the smallest declared value is code 0, each next representable value (next integer, next
 * multiple of the scale, next time unit, next double) the next code. Comparisons on the attribute become intervals of codes with exactly the
 * result of Java's comparison of the values ({@code <}, {@code compareTo}, {@code isBefore}); {@link DyadicCover}
 * turns codes and intervals into tree nodes.
 *
 * <p>Stored values must lie in the declared domain at the declared granularity ({@link #encode}); query bounds may be
 * any value of the type ({@link #ceilCode}, {@link #floorCode}, {@link #interval}, {@link #between}). No method puts a
 * value in an exception message.
 *
 * @param <T> the attribute's Java type (boxed)
 */
public interface RangeEncoding<T> {

    /** A comparison of the attribute (left) with a query bound (right). */
    enum Op {
        /** {@code attribute < bound} */
        LT,
        /** {@code attribute <= bound} */
        LE,
        /** {@code attribute > bound} */
        GT,
        /** {@code attribute >= bound} */
        GE
    }

    /** The attribute's Java type, boxed. */
    Class<T> javaType();

    /** Code width: the smallest number of bits holding the largest code (0 when the domain is one value). */
    int bits();

    /**
     * The code of the largest value of the domain, unsigned: {@code 2^bits()-1} or less. Codes above it stand for no
     * value; no interval reaches them.
     */
    long lastCode();

    /**
     * The code of a value about to be stored.
     *
     * @return the exact code; empty for NaN, which no comparison matches
     * @throws IllegalArgumentException when the value lies outside the declared bounds or is finer than the declared
     *     scale or unit (the message does not contain the value)
     * @throws NullPointerException for {@code null}, which has no code (SQL comparisons never match it)
     */
    OptionalLong encode(T value);

    /** The smallest code whose value is {@code >= bound}; empty when none is (NaN, or a bound above the domain). */
    OptionalLong ceilCode(T bound);

    /** The largest code whose value is {@code <= bound}; empty when none is (NaN, or a bound below the domain). */
    OptionalLong floorCode(T bound);

    /** The codes of the values {@code v} with {@code v op bound}; empty when no value of the domain matches. */
    default Optional<CodeInterval> interval(Op op, T bound) {
        switch (op) {
            case GE: {
                OptionalLong lo = ceilCode(bound);
                return lo.isPresent() ? Optional.of(new CodeInterval(lo.getAsLong(), lastCode())) : Optional.empty();
            }
            case LE: {
                OptionalLong hi = floorCode(bound);
                return hi.isPresent() ? Optional.of(new CodeInterval(0, hi.getAsLong())) : Optional.empty();
            }
            case GT: {
                // v > bound  <=>  not v <= bound  <=>  code(v) > floorCode(bound); NaN matches nothing either way
                if (!isOrdered(bound)) {
                    return Optional.empty();
                }
                OptionalLong atMost = floorCode(bound);
                if (atMost.isEmpty()) {
                    return Optional.of(new CodeInterval(0, lastCode()));
                }
                long last = atMost.getAsLong();
                return last == lastCode() ? Optional.empty() : Optional.of(new CodeInterval(last + 1, lastCode()));
            }
            case LT: {
                if (!isOrdered(bound)) {
                    return Optional.empty();
                }
                OptionalLong atLeast = ceilCode(bound);
                if (atLeast.isEmpty()) {
                    return Optional.of(new CodeInterval(0, lastCode()));
                }
                long first = atLeast.getAsLong();
                return first == 0 ? Optional.empty() : Optional.of(new CodeInterval(0, first - 1));
            }
            default:
                throw new AssertionError(op);
        }
    }

    /**
     * The codes of the values {@code v} with {@code low <= v && v <= high}, as SQL's {@code BETWEEN}; empty when no
     * value matches (also when {@code low > high}).
     */
    default Optional<CodeInterval> between(T low, T high) {
        OptionalLong lo = ceilCode(low);
        OptionalLong hi = floorCode(high);
        if (lo.isEmpty() || hi.isEmpty() || Long.compareUnsigned(lo.getAsLong(), hi.getAsLong()) > 0) {
            return Optional.empty();
        }
        return Optional.of(new CodeInterval(lo.getAsLong(), hi.getAsLong()));
    }

    /** Whether the value takes part in comparisons at all: false for NaN only. */
    boolean isOrdered(T value);
}
