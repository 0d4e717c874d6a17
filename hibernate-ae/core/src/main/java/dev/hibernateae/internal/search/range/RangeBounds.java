package dev.hibernateae.internal.search.range;

import java.time.temporal.ChronoUnit;

/**
 * What an attribute declares for range search: the bounds of its domain and its granularity, as written in the
 * mapping. Kept as text so that one declaration serves every supported Java type; {@link RangeEncodings#of} parses
 * and checks it against the attribute's type.
 *
 * @param min the smallest value stored, in the type's ISO / {@code toString} form (e.g. {@code -5}, {@code 12.50},
 *     {@code 2024-01-31}, {@code 2024-01-31T10:15:30Z}, {@code -Infinity}); empty for the type's natural bound
 * @param max the largest value stored, same form; empty for the type's natural bound
 * @param precision total number of decimal digits, for {@code BigDecimal} only (as the column's {@code precision})
 * @param scale digits after the decimal point, for {@code BigDecimal} only (as the column's {@code scale})
 * @param unit the finest time unit stored, for time types with a time of day: {@code SECONDS}, {@code MILLIS},
 *     {@code MICROS} or {@code NANOS}; {@code null} means {@code MICROS}. Ignored by the other types.
 */
public record RangeBounds(String min, String max, int precision, int scale, ChronoUnit unit) {
    /** The unit used when none is declared: what most databases store for a timestamp. */
    public static final ChronoUnit DEFAULT_UNIT = ChronoUnit.MICROS;

    /** Normalizes absent parts: {@code null} bounds are natural bounds, a {@code null} unit is {@link #DEFAULT_UNIT}. */
    public RangeBounds {
        min = min == null ? "" : min.strip();
        max = max == null ? "" : max.strip();
        unit = unit == null ? DEFAULT_UNIT : unit;
    }

    /** The type's natural bounds at the default unit, no precision: what an attribute without declarations gets. */
    public static RangeBounds natural() {
        return new RangeBounds("", "", 0, 0, DEFAULT_UNIT);
    }
}
