package dev.hibernateae.internal.codec;

import dev.hibernateae.api.UnsupportedPlaintextException;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * bit, tinyint, smallint, int and bigint: SQL Server normalizes every one of them to an 8-byte little-endian
 * signed long before encryption. Decoding checks the value fits the Java type.
 */
final class IntegralCodec<T> implements PlaintextCodec<T> {
    private final Class<T> type;
    private final String sqlType;
    private final long min;
    private final long max;
    private final ToLongFunction<T> toLong;
    private final LongFunction<T> fromLong;

    private IntegralCodec(Class<T> type, String sqlType, long min, long max, ToLongFunction<T> toLong,
            LongFunction<T> fromLong) {
        this.type = type;
        this.sqlType = sqlType;
        this.min = min;
        this.max = max;
        this.toLong = toLong;
        this.fromLong = fromLong;
    }

    static IntegralCodec<Boolean> booleans() {
        return new IntegralCodec<>(Boolean.class, "bit", 0, 1, b -> b ? 1 : 0, l -> l != 0);
    }

    static IntegralCodec<Byte> bytes() {
        return new IntegralCodec<>(Byte.class, "tinyint", Byte.MIN_VALUE, Byte.MAX_VALUE, Byte::longValue,
                l -> (byte) l);
    }

    static IntegralCodec<Short> shorts() {
        return new IntegralCodec<>(Short.class, "smallint", Short.MIN_VALUE, Short.MAX_VALUE, Short::longValue,
                l -> (short) l);
    }

    static IntegralCodec<Integer> integers() {
        return new IntegralCodec<>(Integer.class, "int", Integer.MIN_VALUE, Integer.MAX_VALUE, Integer::longValue,
                l -> (int) l);
    }

    static IntegralCodec<Long> longs() {
        return new IntegralCodec<>(Long.class, "bigint", Long.MIN_VALUE, Long.MAX_VALUE, l -> l, l -> l);
    }

    @Override
    public Class<T> javaType() {
        return type;
    }

    @Override
    public byte[] encode(T value) {
        byte[] out = new byte[8];
        LittleEndian.write(toLong.applyAsLong(value), out, 0, 8);
        return out;
    }

    @Override
    public T decode(byte[] bytes) {
        Lengths.require(bytes, 8, sqlType + " (as bigint)", type);
        long value = LittleEndian.read(bytes, 0, 8);
        if (value < min || value > max) {
            throw new UnsupportedPlaintextException("Decrypted " + sqlType + " is out of the range of "
                    + type.getSimpleName() + "; map the attribute to a wider type");
        }
        return fromLong.apply(value);
    }

    @Override
    public int maxEncodedLength() {
        return 8;
    }
}
