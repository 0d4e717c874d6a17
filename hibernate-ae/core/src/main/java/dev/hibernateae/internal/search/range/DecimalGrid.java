package dev.hibernateae.internal.search.range;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * {@code BigDecimal} on the grid of multiples of {@code 10^-scale}, as a {@code NUMERIC(precision, scale)} column
 * stores them; a value's index is its unscaled value at that scale. Values compare numerically
 * ({@code compareTo}: {@code 1.0} equals {@code 1.00}). Natural bounds are what the column holds,
 * {@code ±(10^(precision-scale) - 10^-scale)}; more than 18 digits of precision need declared bounds to fit 64 bits.
 */
final class DecimalGrid implements Grid<BigDecimal> {
    private final int precision;
    private final int scale;
    private final BigDecimal largest;

    DecimalGrid(int precision, int scale) {
        this.precision = precision;
        this.scale = scale;
        this.largest = new BigDecimal(BigInteger.TEN.pow(precision).subtract(BigInteger.ONE), scale);
    }

    @Override
    public Class<BigDecimal> javaType() {
        return BigDecimal.class;
    }

    @Override
    public BigDecimal parse(String text) {
        return new BigDecimal(text);
    }

    @Override
    public String expectedForm() {
        return "a decimal number such as -12.50";
    }

    @Override
    public BigDecimal naturalMin() {
        return largest.negate();
    }

    @Override
    public BigDecimal naturalMax() {
        return largest;
    }

    @Override
    public boolean holds(BigDecimal value) {
        return value.abs().compareTo(largest) <= 0;
    }

    @Override
    public int compare(BigDecimal a, BigDecimal b) {
        return a.compareTo(b);
    }

    @Override
    public boolean isOnGrid(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= scale;
    }

    @Override
    public BigInteger floorIndex(BigDecimal value) {
        if (value.scale() <= scale) {
            return value.setScale(scale).unscaledValue();
        }
        if ((long) value.scale() - scale >= value.precision()) {
            // |value| < 10^-scale: skip a division by a power of ten as long as the value's exponent
            return value.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO;
        }
        return value.setScale(scale, RoundingMode.FLOOR).unscaledValue();
    }

    @Override
    public String granularity() {
        return "precision " + precision + " and scale " + scale;
    }

    @Override
    public String narrowingAdvice() {
        return "lower the precision or declare min and max closer together";
    }
}
