package dev.hibernateae.internal.search.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.internal.search.range.RangeEncoding.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Double and Float against Java's {@code <} and {@code ==}: -0.0 equals 0.0, the infinities are ordinary values at
 * the ends, NaN is stored without a code and as a bound matches nothing, subnormals and neighbours (nextUp,
 * nextDown) of every value are distinct.
 */
class RangeEncodingFloatingTest {
    private static final RangeOracle.Order<Double> DOUBLES = new RangeOracle.Order<>() {
        @Override
        public boolean lt(Double a, Double b) {
            return a.doubleValue() < b.doubleValue();
        }

        @Override
        public boolean eq(Double a, Double b) {
            return a.doubleValue() == b.doubleValue();
        }
    };
    private static final RangeOracle.Order<Float> FLOATS = new RangeOracle.Order<>() {
        @Override
        public boolean lt(Float a, Float b) {
            return a.floatValue() < b.floatValue();
        }

        @Override
        public boolean eq(Float a, Float b) {
            return a.floatValue() == b.floatValue();
        }
    };
    private final Random random = new Random(RangeOracle.SEED);

    @Test
    void doublesAgainstJava() {
        String[][] declarations = {{"", ""}, {"-1.5", "2.25"}, {"0", "0"}, {"-0.0", "0.0"}, {"-Infinity", "-Infinity"},
            {"1e300", "Infinity"}, {"-4.9E-324", "4.9E-324"}, {"", "-1e-300"}};
        List<Double> pool = doublePool();
        for (String[] declared : declarations) {
            RangeEncoding<Double> encoding = RangeEncodings.of(Double.class,
                    new RangeBounds(declared[0], declared[1], 0, 0, null));
            double min = declared[0].isEmpty() ? Double.NEGATIVE_INFINITY : Double.parseDouble(declared[0]);
            double max = declared[1].isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(declared[1]);
            List<Double> stored = new ArrayList<>();
            stored.add(min);
            stored.add(max);
            stored.add(Double.NaN);
            for (double v : pool) {
                if (v >= min && v <= max) {
                    stored.add(v);
                } else if (!Double.isNaN(v)) {
                    assertThrows(IllegalArgumentException.class, () -> encoding.encode(v));
                }
            }
            // these declarations have at most three values (-MIN_VALUE, 0, MIN_VALUE), all in the pool
            boolean wholeDomain = declared[0].equals(declared[1]) || declared[0].equals("-0.0")
                    || declared[0].equals("-4.9E-324");
            new RangeOracle<>("Double " + min + ".." + max, encoding, DOUBLES, random).check(stored, pool,
                    wholeDomain);
        }
    }

    @Test
    void floatsAgainstJava() {
        String[][] declarations = {{"", ""}, {"-1.5", "2.25"}, {"-0.0", "-0.0"}, {"1e30", "Infinity"},
            {"-1.4E-45", "1.4E-45"}};
        List<Float> pool = floatPool();
        for (String[] declared : declarations) {
            RangeEncoding<Float> encoding = RangeEncodings.of(Float.class,
                    new RangeBounds(declared[0], declared[1], 0, 0, null));
            float min = declared[0].isEmpty() ? Float.NEGATIVE_INFINITY : Float.parseFloat(declared[0]);
            float max = declared[1].isEmpty() ? Float.POSITIVE_INFINITY : Float.parseFloat(declared[1]);
            List<Float> stored = new ArrayList<>(List.of(min, max, Float.NaN));
            for (float v : pool) {
                if (v >= min && v <= max) {
                    stored.add(v);
                }
            }
            boolean wholeDomain = declared[0].equals(declared[1]) || declared[0].equals("-1.4E-45");
            new RangeOracle<>("Float " + min + ".." + max, encoding, FLOATS, random).check(stored, pool, wholeDomain);
        }
    }

    @Test
    void naturalBoundsAreTheInfinitiesAndZerosShareACode() {
        RangeEncoding<Double> doubles = RangeEncodings.of(Double.class, RangeBounds.natural());
        assertEquals(64, doubles.bits());
        assertEquals(0, doubles.encode(Double.NEGATIVE_INFINITY).getAsLong());
        assertEquals(doubles.encode(0.0), doubles.encode(-0.0));
        assertEquals(doubles.encode(-Double.MIN_VALUE).getAsLong() + 1, doubles.encode(0.0).getAsLong());
        assertEquals(doubles.encode(0.0).getAsLong() + 1, doubles.encode(Double.MIN_VALUE).getAsLong());
        assertTrue(doubles.encode(Double.NaN).isEmpty());
        for (Op op : Op.values()) {
            assertTrue(doubles.interval(op, Double.NaN).isEmpty(), op.toString());
        }
        assertTrue(doubles.between(Double.NaN, 1.0).isEmpty());
        assertTrue(doubles.between(-1.0, Double.NaN).isEmpty());
        RangeEncoding<Float> floats = RangeEncodings.of(Float.class, RangeBounds.natural());
        assertEquals(32, floats.bits());
        assertEquals(floats.encode(0.0f), floats.encode(-0.0f));
    }

    /** Specials, their neighbours, random bit patterns (NaN included) and ordinary magnitudes. */
    private List<Double> doublePool() {
        List<Double> specials = new ArrayList<>(List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, 1.0, -1.0, 1.5, -1.5, 2.25, 1e300, -1e-300, 4.9E-324));
        List<Double> pool = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            double v = i % 3 == 0 ? Double.longBitsToDouble(random.nextLong())
                    : i % 3 == 1 ? random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20)
                    : specials.get(random.nextInt(specials.size()));
            specials.add(v);
        }
        for (double v : specials) {
            pool.add(v);
            pool.add(Math.nextUp(v));
            pool.add(Math.nextDown(v));
        }
        return pool;
    }

    private List<Float> floatPool() {
        List<Float> specials = new ArrayList<>(List.of(0.0f, -0.0f, Float.MIN_VALUE, -Float.MIN_VALUE,
                Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.NaN, 1.0f, -1.5f, 2.25f, 1e30f));
        List<Float> pool = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            float v = i % 3 == 0 ? Float.intBitsToFloat(random.nextInt())
                    : i % 3 == 1 ? (float) (random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10))
                    : specials.get(random.nextInt(specials.size()));
            specials.add(v);
        }
        for (float v : specials) {
            pool.add(v);
            pool.add(Math.nextUp(v));
            pool.add(Math.nextDown(v));
        }
        return pool;
    }
}
