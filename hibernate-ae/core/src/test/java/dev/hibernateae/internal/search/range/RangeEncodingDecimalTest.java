package dev.hibernateae.internal.search.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * BigDecimal at a declared precision and scale against {@code compareTo}: every value of a small column, random
 * values of wide ones, stored in several representations (trailing zeros, smaller scale), and query bounds finer
 * than the scale, beyond the precision, of huge and tiny exponents.
 */
class RangeEncodingDecimalTest {
    private static final RangeOracle.Order<BigDecimal> NUMERIC = RangeOracle.Order.of(Comparator.naturalOrder());
    private final Random random = new Random(RangeOracle.SEED);

    @Test
    void everyValueOfASmallColumn() {
        RangeEncoding<BigDecimal> encoding = RangeEncodings.of(BigDecimal.class, new RangeBounds("", "", 3, 1, null));
        assertEquals(11, encoding.bits()); // 1999 values
        List<BigDecimal> stored = new ArrayList<>();
        for (int u = -999; u <= 999; u++) {
            stored.add(representation(BigDecimal.valueOf(u, 1)));
        }
        List<BigDecimal> bounds = new ArrayList<>(oddBounds());
        for (int u = -10_050; u <= 10_050; u += random.nextInt(80) + 1) {
            bounds.add(BigDecimal.valueOf(u, 2));
        }
        for (String text : new String[] {"99.9", "99.95", "100", "-99.9", "-99.95", "-100", "0.05", "-0.05", "0.1",
                "-0.1", "99.90000000000000000001", "-99.90000000000000000001"}) {
            bounds.add(new BigDecimal(text));
        }
        new RangeOracle<>("BigDecimal(3,1)", encoding, NUMERIC, random).check(stored, bounds, true);
        assertEquals(0, encoding.encode(new BigDecimal("-99.9")).getAsLong());
        assertEquals(1998, encoding.encode(new BigDecimal("99.90")).getAsLong());
        assertEquals(999, encoding.encode(new BigDecimal("0E+3")).getAsLong());
    }

    @Test
    void randomColumnsAndDeclarations() {
        int[][] columns = {{1, 0}, {1, 1}, {5, 2}, {10, 0}, {10, 10}, {18, 4}, {18, 0}, {12, 2}};
        for (int[] column : columns) {
            int precision = column[0];
            int scale = column[1];
            BigInteger largest = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
            check(precision, scale, largest.negate(), largest, true);
            BigInteger a = randomUnscaled(largest);
            BigInteger b = randomUnscaled(largest);
            check(precision, scale, a.min(b), a.max(b), false);
            check(precision, scale, a, a, false);
        }
        // more digits than 64 bits hold at natural bounds, fine once declared
        check(30, 10, new BigInteger("-10005000000000"), new BigInteger("999990000000001"), false);
        check(38, 0, new BigInteger("99999999999999999999999999999999999990"),
                new BigInteger("99999999999999999999999999999999999999"), false);
    }

    private void check(int precision, int scale, BigInteger minUnscaled, BigInteger maxUnscaled, boolean natural) {
        BigDecimal min = new BigDecimal(minUnscaled, scale);
        BigDecimal max = new BigDecimal(maxUnscaled, scale);
        RangeBounds declared = natural ? new RangeBounds("", "", precision, scale, null)
                : new RangeBounds(min.toPlainString(), max.toPlainString(), precision, scale, null);
        RangeEncoding<BigDecimal> encoding = RangeEncodings.of(BigDecimal.class, declared);
        String label = "BigDecimal(" + precision + "," + scale + ") " + min + ".." + max;
        assertEquals(maxUnscaled.subtract(minUnscaled).bitLength(), encoding.bits(), label);
        BigInteger span = maxUnscaled.subtract(minUnscaled);
        List<BigDecimal> stored = new ArrayList<>();
        List<BigDecimal> bounds = new ArrayList<>(oddBounds());
        for (int i = 0; i < 100; i++) {
            BigInteger offset = i < 4 ? BigInteger.valueOf(i % 2 == 0 ? 0 : 1).min(span)
                    : i < 8 ? span.subtract(BigInteger.valueOf(i % 2)).max(BigInteger.ZERO)
                    : new BigInteger(span.bitLength() + 1, random).mod(span.add(BigInteger.ONE));
            BigDecimal v = new BigDecimal(minUnscaled.add(offset), scale);
            stored.add(representation(v));
            bounds.add(v);
            BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
            bounds.add(v.add(unit));
            bounds.add(v.subtract(unit));
            bounds.add(v.add(unit.movePointLeft(1)));
            bounds.add(v.subtract(unit.movePointLeft(1 + random.nextInt(30))));
        }
        if (minUnscaled.signum() <= 0 && maxUnscaled.signum() >= 0) {
            stored.add(BigDecimal.ZERO);
            stored.add(new BigDecimal("0E+5"));
            stored.add(new BigDecimal("-0.000"));
        }
        bounds.add(min);
        bounds.add(max);
        new RangeOracle<>(label, encoding, NUMERIC, random).check(stored, bounds);
    }

    /** The same number written differently: with trailing zeros, or at a smaller scale when it has one. */
    private BigDecimal representation(BigDecimal v) {
        switch (random.nextInt(3)) {
            case 0: return v.setScale(v.scale() + 1 + random.nextInt(5));
            case 1: return v.stripTrailingZeros();
            default: return v;
        }
    }

    private BigInteger randomUnscaled(BigInteger largest) {
        return new BigInteger(largest.bitLength() + 1, random).mod(largest.shiftLeft(1).add(BigInteger.ONE))
                .subtract(largest);
    }

    /** Bounds far from any column: huge and tiny exponents, zeros of odd scales. */
    private static List<BigDecimal> oddBounds() {
        List<BigDecimal> bounds = new ArrayList<>();
        for (String text : new String[] {"1E+1000000000", "-1E+1000000000", "1E-1000000000", "-1E-1000000000",
                "0E-7", "0E+7", "0", "1", "-1", "0.5", "-0.5", "123456789012345678901234567890.123456789",
                "-123456789012345678901234567890.123456789", "1E+19", "-1E+19"}) {
            bounds.add(new BigDecimal(text));
        }
        return bounds;
    }

    @Test
    void storedValuesFinerThanTheScaleOrBeyondTheBoundsAreRefusedWithoutNamingThem() {
        RangeEncoding<BigDecimal> encoding = RangeEncodings.of(BigDecimal.class, new RangeBounds("", "", 5, 2, null));
        IllegalArgumentException finer = assertThrows(IllegalArgumentException.class,
                () -> encoding.encode(new BigDecimal("12.345")));
        assertTrue(finer.getMessage().contains("finer than the declared precision 5 and scale 2"), finer.getMessage());
        assertFalse(finer.getMessage().contains("12.345"), finer.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> encoding.encode(new BigDecimal("-1000.00")));
        assertTrue(outside.getMessage().contains("outside the declared range bounds"), outside.getMessage());
        assertFalse(outside.getMessage().contains("1000"), outside.getMessage());
        // trailing zeros beyond the scale are not precision
        assertEquals(encoding.encode(new BigDecimal("12.3")), encoding.encode(new BigDecimal("12.30000")));
    }
}
