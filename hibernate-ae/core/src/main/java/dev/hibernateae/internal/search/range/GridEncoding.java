package dev.hibernateae.internal.search.range;

import java.math.BigInteger;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The one implementation of {@link RangeEncoding}: the grid points of a {@link Grid} between two checked bounds,
 * numbered from 0. Query bounds are first placed against the declared bounds in the type's own order, so an
 * arbitrarily large or fine bound (a {@code BigDecimal} of a billion digits' exponent) never reaches the grid
 * arithmetic.
 *
 * @param <T> the attribute's Java type, boxed
 */
final class GridEncoding<T> implements RangeEncoding<T> {
    private final Grid<T> grid;
    private final T minValue;
    private final T maxValue;
    private final BigInteger minIndex;
    private final BigInteger maxIndex;
    private final int bits;

    /**
     * @param minValue the smallest value of the domain, ordered and on the grid
     * @param maxValue the largest value of the domain, ordered, not below {@code minValue}
     */
    GridEncoding(Grid<T> grid, T minValue, T maxValue) {
        this.grid = grid;
        this.minValue = minValue;
        this.maxValue = maxValue;
        this.minIndex = grid.floorIndex(minValue);
        this.maxIndex = grid.floorIndex(maxValue);
        this.bits = maxIndex.subtract(minIndex).bitLength();
    }

    /** How many codes the domain has, for messages: {@code 2^bits()} or fewer. */
    BigInteger span() {
        return maxIndex.subtract(minIndex).add(BigInteger.ONE);
    }

    @Override
    public Class<T> javaType() {
        return grid.javaType();
    }

    @Override
    public int bits() {
        return bits;
    }

    @Override
    public long lastCode() {
        return code(maxIndex);
    }

    @Override
    public boolean isOrdered(T value) {
        return grid.isOrdered(Objects.requireNonNull(value, "value"));
    }

    @Override
    public OptionalLong encode(T value) {
        if (!isOrdered(value)) {
            return OptionalLong.empty();
        }
        if (grid.compare(value, minValue) < 0 || grid.compare(value, maxValue) > 0) {
            throw new IllegalArgumentException("a " + grid.javaType().getSimpleName()
                    + " value lies outside the declared range bounds; widen min/max to store it");
        }
        if (!grid.isOnGrid(value)) {
            throw new IllegalArgumentException("a " + grid.javaType().getSimpleName()
                    + " value is finer than the declared " + grid.granularity()
                    + "; round it before storing or declare a finer one");
        }
        return OptionalLong.of(code(grid.floorIndex(value)));
    }

    @Override
    public OptionalLong ceilCode(T bound) {
        if (!isOrdered(bound)) {
            return OptionalLong.empty();
        }
        if (grid.compare(bound, minValue) <= 0) {
            return OptionalLong.of(0);
        }
        if (grid.compare(bound, maxValue) > 0) {
            return OptionalLong.empty();
        }
        BigInteger floor = grid.floorIndex(bound);
        BigInteger ceil = grid.isOnGrid(bound) ? floor : floor.add(BigInteger.ONE);
        return ceil.compareTo(maxIndex) > 0 ? OptionalLong.empty() : OptionalLong.of(code(ceil));
    }

    @Override
    public OptionalLong floorCode(T bound) {
        if (!isOrdered(bound)) {
            return OptionalLong.empty();
        }
        if (grid.compare(bound, minValue) < 0) {
            return OptionalLong.empty();
        }
        if (grid.compare(bound, maxValue) >= 0) {
            return OptionalLong.of(lastCode());
        }
        BigInteger floor = grid.floorIndex(bound);
        return floor.compareTo(minIndex) < 0 ? OptionalLong.empty() : OptionalLong.of(code(floor));
    }

    /** The code of a grid index within the domain: its distance from the first, as an unsigned long. */
    private long code(BigInteger index) {
        return index.subtract(minIndex).longValue();
    }
}
