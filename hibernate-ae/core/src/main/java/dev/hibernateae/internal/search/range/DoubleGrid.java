package dev.hibernateae.internal.search.range;

import java.math.BigInteger;

/**
 * {@code Double} in numeric order: every double is a grid point, numbered so that adjacent doubles get adjacent
 * indices ({@code 0.0} is 0, the positive doubles their bit patterns, the negative ones the negated bit patterns of
 * their magnitudes). {@code -0.0} and {@code 0.0} share index 0, as {@code ==} says they are equal. Natural bounds are
 * the infinities, which fit 64 bits; NaN is in no order and matches no comparison.
 */
final class DoubleGrid implements Grid<Double> {

    @Override
    public Class<Double> javaType() {
        return Double.class;
    }

    @Override
    public Double parse(String text) {
        return Double.valueOf(text);
    }

    @Override
    public String expectedForm() {
        return "a decimal number such as -1.5, or Infinity or -Infinity";
    }

    @Override
    public Double naturalMin() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public Double naturalMax() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public int compare(Double a, Double b) {
        // numeric order, unlike Double.compare, which puts -0.0 below 0.0
        double x = a;
        double y = b;
        return x < y ? -1 : x > y ? 1 : 0;
    }

    @Override
    public boolean isOrdered(Double value) {
        return !value.isNaN();
    }

    @Override
    public boolean isOnGrid(Double value) {
        return true;
    }

    @Override
    public BigInteger floorIndex(Double value) {
        return BigInteger.valueOf(ordinal(value));
    }

    /** The index of a non-NaN double; monotone, and contiguous over the non-NaN doubles. */
    static long ordinal(double value) {
        if (value == 0) {
            return 0;
        }
        long magnitude = Double.doubleToRawLongBits(Math.abs(value));
        return value > 0 ? magnitude : -magnitude;
    }

    @Override
    public String granularity() {
        return "double";
    }

    @Override
    public String narrowingAdvice() {
        return "declare min and max closer together";
    }
}
