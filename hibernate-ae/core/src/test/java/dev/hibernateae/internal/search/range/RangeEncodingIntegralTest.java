package dev.hibernateae.internal.search.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Byte, Short, Integer and Long: every byte against every byte bound under several declarations, and random values
 * and bounds (edges, ±1, outside the declaration) for the wider types, each against Java's comparison.
 */
class RangeEncodingIntegralTest {
    private final Random random = new Random(RangeOracle.SEED);

    @Test
    void everyByteAgainstEveryByteBound() {
        String[][] declarations = {{"", ""}, {"-5", "7"}, {"0", "0"}, {"-128", "-128"}, {"100", "127"}, {"-1", ""}};
        for (String[] declared : declarations) {
            RangeEncoding<Byte> encoding = RangeEncodings.of(Byte.class, new RangeBounds(declared[0], declared[1], 0,
                    0, null));
            byte min = declared[0].isEmpty() ? Byte.MIN_VALUE : Byte.parseByte(declared[0]);
            byte max = declared[1].isEmpty() ? Byte.MAX_VALUE : Byte.parseByte(declared[1]);
            assertEquals(64 - Long.numberOfLeadingZeros(max - min), encoding.bits());
            List<Byte> stored = new ArrayList<>();
            List<Byte> bounds = new ArrayList<>();
            for (int v = Byte.MIN_VALUE; v <= Byte.MAX_VALUE; v++) {
                bounds.add((byte) v);
                if (v >= min && v <= max) {
                    stored.add((byte) v);
                    assertEquals(v - min, encoding.encode((byte) v).getAsLong());
                } else {
                    byte outside = (byte) v;
                    assertThrows(IllegalArgumentException.class, () -> encoding.encode(outside));
                }
            }
            new RangeOracle<>("Byte " + min + ".." + max, encoding, RangeOracle.Order.of(Comparator.<Byte>naturalOrder()),
                    random).check(stored, bounds, true);
            assertEquals(max - min, encoding.lastCode());
        }
    }

    @Test
    void shortsAgainstJava() {
        checkIntegral(Short.class, v -> (short) v, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    @Test
    void integersAgainstJava() {
        checkIntegral(Integer.class, v -> (int) v, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Test
    void longsAgainstJava() {
        checkIntegral(Long.class, v -> v, Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(64, RangeEncodings.of(Long.class, RangeBounds.natural()).bits());
        assertEquals(-1L, RangeEncodings.of(long.class, RangeBounds.natural()).encode(Long.MAX_VALUE).getAsLong());
    }

    @Test
    void primitiveClassesGetTheBoxedEncoding() {
        assertEquals(Integer.class, RangeEncodings.of(int.class, RangeBounds.natural()).javaType());
        assertEquals(Byte.class, RangeEncodings.of(byte.class, RangeBounds.natural()).javaType());
        assertEquals(Short.class, RangeEncodings.of(short.class, RangeBounds.natural()).javaType());
        assertEquals(Double.class, RangeEncodings.of(double.class, RangeBounds.natural()).javaType());
        assertEquals(Float.class, RangeEncodings.of(float.class, RangeBounds.natural()).javaType());
        assertEquals(32, RangeEncodings.of(int.class, RangeBounds.natural()).bits());
        assertEquals(16, RangeEncodings.of(short.class, RangeBounds.natural()).bits());
    }

    @Test
    void valuesOutsideTheDeclarationAreRefusedWithoutNamingThem() {
        RangeEncoding<Integer> encoding = RangeEncodings.of(Integer.class, new RangeBounds("-1000", "1000", 0, 0, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoding.encode(123457));
        assertTrue(e.getMessage().contains("outside the declared range bounds"), e.getMessage());
        assertFalse(e.getMessage().contains("123457"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> encoding.encode(-1001));
        assertThrows(NullPointerException.class, () -> encoding.encode(null));
    }

    private <T extends Number & Comparable<T>> void checkIntegral(Class<T> type, LongFunction<T> box, long typeMin,
            long typeMax) {
        List<long[]> declarations = new ArrayList<>();
        declarations.add(new long[] {typeMin, typeMax});
        declarations.add(new long[] {-3, 3});
        declarations.add(new long[] {typeMax - 2, typeMax});
        declarations.add(new long[] {typeMin, typeMin + 2});
        declarations.add(new long[] {typeMin, typeMin});
        for (int i = 0; i < 4; i++) {
            long a = between(typeMin, typeMax);
            long b = between(typeMin, typeMax);
            declarations.add(new long[] {Math.min(a, b), Math.max(a, b)});
        }
        for (long[] declared : declarations) {
            long min = declared[0];
            long max = declared[1];
            boolean natural = min == typeMin && max == typeMax;
            RangeBounds bounds = natural ? RangeBounds.natural()
                    : new RangeBounds(Long.toString(min), Long.toString(max), 0, 0, null);
            RangeEncoding<T> encoding = RangeEncodings.of(type, bounds);
            assertEquals(64 - Long.numberOfLeadingZeros(max - min), encoding.bits(), type + " bits");
            assertEquals(0, encoding.encode(box.apply(min)).getAsLong());
            assertEquals(max - min, encoding.encode(box.apply(max)).getAsLong());
            assertEquals(max - min, encoding.lastCode());
            List<T> stored = new ArrayList<>();
            List<T> bounds2 = new ArrayList<>();
            for (long v : new long[] {min, max, min + 1, max - 1, 0, -1, 1}) {
                if (v >= min && v <= max) {
                    stored.add(box.apply(v));
                }
            }
            for (int i = 0; i < 150; i++) {
                stored.add(box.apply(between(min, max)));
            }
            for (long v : new long[] {typeMin, typeMax, min, max, min - 1, min + 1, max - 1, max + 1, 0, -1, 1}) {
                if (v >= typeMin && v <= typeMax) {
                    bounds2.add(box.apply(v));
                }
            }
            for (T v : new ArrayList<>(stored)) {
                long x = v.longValue();
                bounds2.add(v);
                if (x > typeMin) {
                    bounds2.add(box.apply(x - 1));
                }
                if (x < typeMax) {
                    bounds2.add(box.apply(x + 1));
                }
            }
            for (int i = 0; i < 100; i++) {
                bounds2.add(box.apply(between(typeMin, typeMax)));
            }
            new RangeOracle<>(type.getSimpleName() + " " + min + ".." + max, encoding,
                    RangeOracle.Order.of(Comparator.<T>naturalOrder()), random).check(stored, bounds2);
        }
    }

    /** A random long in {@code [min, max]}, edges and small values often. */
    private long between(long min, long max) {
        long span = max - min; // unsigned
        long r = random.nextLong();
        long offset = span == -1L ? r : Long.remainderUnsigned(r, span + 1);
        return min + offset;
    }
}
