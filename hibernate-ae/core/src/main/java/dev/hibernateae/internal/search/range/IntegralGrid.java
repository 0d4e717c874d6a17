package dev.hibernateae.internal.search.range;

import java.math.BigInteger;
import java.util.function.Function;

/**
 * {@code Byte}, {@code Short}, {@code Integer} and {@code Long} on the grid of integers: every value is a grid point,
 * its index is the value itself. Natural bounds are the type's {@code MIN_VALUE} and {@code MAX_VALUE}; even
 * {@code Long}'s fit 64 bits.
 */
final class IntegralGrid<T extends Number> implements Grid<T> {
    private final Class<T> javaType;
    private final Function<String, T> parser;
    private final T naturalMin;
    private final T naturalMax;

    IntegralGrid(Class<T> javaType, Function<String, T> parser, T naturalMin, T naturalMax) {
        this.javaType = javaType;
        this.parser = parser;
        this.naturalMin = naturalMin;
        this.naturalMax = naturalMax;
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public T parse(String text) {
        return parser.apply(text);
    }

    @Override
    public String expectedForm() {
        return "a decimal integer between " + naturalMin + " and " + naturalMax + ", such as -42";
    }

    @Override
    public T naturalMin() {
        return naturalMin;
    }

    @Override
    public T naturalMax() {
        return naturalMax;
    }

    @Override
    public int compare(T a, T b) {
        return Long.compare(a.longValue(), b.longValue());
    }

    @Override
    public boolean isOnGrid(T value) {
        return true;
    }

    @Override
    public BigInteger floorIndex(T value) {
        return BigInteger.valueOf(value.longValue());
    }

    @Override
    public String granularity() {
        return "integer";
    }

    @Override
    public String narrowingAdvice() {
        return "declare min and max closer together";
    }
}
