package dev.hibernateae.internal.search.range;

import java.math.BigInteger;

/**
 * One type family's view of its values as points of an integer grid: integers themselves, multiples of
 * {@code 10^-scale}, days, multiples of a time unit, or the doubles in order. {@link GridEncoding} does the rest (the
 * declared window, codes, rounding of query bounds) the same way for every family.
 *
 * @param <T> the Java type, boxed
 */
interface Grid<T> {

    /** The Java type, boxed. */
    Class<T> javaType();

    /** Parses a declared bound; throws any {@link RuntimeException} on malformed text. */
    T parse(String text);

    /** How a declared bound is written, for error messages: "an ISO local date such as 2024-01-31". */
    String expectedForm();

    /** The smallest value when none is declared. */
    T naturalMin();

    /** The largest value when none is declared (need not lie on the grid, e.g. the last nanosecond of a day). */
    T naturalMax();

    /** Whether {@code value} lies within what the type (with its precision) can hold; declared bounds must. */
    default boolean holds(T value) {
        return true;
    }

    /** Java's order of the type, for values {@link #isOrdered ordered} values. */
    int compare(T a, T b);

    /** False for the values no comparison matches (NaN). */
    default boolean isOrdered(T value) {
        return true;
    }

    /** Whether the value is a grid point exactly (no finer than the scale or unit). */
    boolean isOnGrid(T value);

    /**
     * The index of the largest grid point not above {@code value}. Called only with values between the declared
     * bounds (so with bounded magnitude), which keeps the arithmetic small.
     */
    BigInteger floorIndex(T value);

    /** The granularity, for messages: "scale 2", "unit MICROS"; empty when every value is a grid point. */
    String granularity();

    /** What to do when the declared domain needs more than 64 bits, for the message. */
    String narrowingAdvice();
}
