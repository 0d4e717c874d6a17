package dev.hibernateae.internal.search.range;

import java.math.BigInteger;

/**
 * {@code Float} in numeric order, as {@link DoubleGrid} orders doubles: adjacent floats get adjacent indices,
 * {@code -0.0f} and {@code 0.0f} share index 0, the infinities are the natural bounds (32 bits), NaN matches nothing.
 */
final class FloatGrid implements Grid<Float> {

    @Override
    public Class<Float> javaType() {
        return Float.class;
    }

    @Override
    public Float parse(String text) {
        return Float.valueOf(text);
    }

    @Override
    public String expectedForm() {
        return "a decimal number such as -1.5, or Infinity or -Infinity";
    }

    @Override
    public Float naturalMin() {
        return Float.NEGATIVE_INFINITY;
    }

    @Override
    public Float naturalMax() {
        return Float.POSITIVE_INFINITY;
    }

    @Override
    public int compare(Float a, Float b) {
        // numeric order, unlike Float.compare, which puts -0.0 below 0.0
        float x = a;
        float y = b;
        return x < y ? -1 : x > y ? 1 : 0;
    }

    @Override
    public boolean isOrdered(Float value) {
        return !value.isNaN();
    }

    @Override
    public boolean isOnGrid(Float value) {
        return true;
    }

    @Override
    public BigInteger floorIndex(Float value) {
        return BigInteger.valueOf(ordinal(value));
    }

    /** The index of a non-NaN float; monotone, and contiguous over the non-NaN floats. */
    static long ordinal(float value) {
        if (value == 0) {
            return 0;
        }
        long magnitude = Float.floatToRawIntBits(Math.abs(value));
        return value > 0 ? magnitude : -magnitude;
    }

    @Override
    public String granularity() {
        return "float";
    }

    @Override
    public String narrowingAdvice() {
        return "declare min and max closer together";
    }
}
