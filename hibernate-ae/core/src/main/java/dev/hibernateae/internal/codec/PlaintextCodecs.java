package dev.hibernateae.internal.codec;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Chooses the codec for an attribute's Java type. */
public final class PlaintextCodecs {
    /** The Java types that can be encrypted, for error messages and documentation. */
    public static final String SUPPORTED_TYPES = "String, Boolean, Byte, Short, Integer, Long, Float, Double, "
            + "BigDecimal, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, UUID, byte[] and enums "
            + "(and their primitive forms)";

    private PlaintextCodecs() {
    }

    /**
     * The codec for {@code javaType} with the attribute's options.
     *
     * @throws AlwaysEncryptedException if the type cannot be encrypted
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> PlaintextCodec<T> forType(Class<T> javaType, CodecOptions options) {
        Class<?> type = boxed(javaType);
        PlaintextCodec<?> codec;
        if (type == String.class) {
            codec = new StringCodec(options.stringEncoding(), options.length());
        } else if (type == Boolean.class) {
            codec = IntegralCodec.booleans();
        } else if (type == Byte.class) {
            codec = IntegralCodec.bytes();
        } else if (type == Short.class) {
            codec = IntegralCodec.shorts();
        } else if (type == Integer.class) {
            codec = IntegralCodec.integers();
        } else if (type == Long.class) {
            codec = IntegralCodec.longs();
        } else if (type == Float.class) {
            codec = FloatingPointCodec.floats();
        } else if (type == Double.class) {
            codec = FloatingPointCodec.doubles();
        } else if (type == BigDecimal.class) {
            codec = new DecimalCodec(options.precision(), options.scale());
        } else if (type == LocalDate.class) {
            codec = TemporalCodecs.dates();
        } else if (type == LocalTime.class) {
            codec = TemporalCodecs.times(options.fractionalSeconds());
        } else if (type == LocalDateTime.class) {
            codec = TemporalCodecs.dateTimes(options.fractionalSeconds());
        } else if (type == OffsetDateTime.class) {
            codec = TemporalCodecs.offsetDateTimes(options.fractionalSeconds());
        } else if (type == Instant.class) {
            codec = TemporalCodecs.instants(options.fractionalSeconds());
        } else if (type == UUID.class) {
            codec = new UuidCodec();
        } else if (type == byte[].class) {
            codec = new BinaryCodec(options.length());
        } else if (type.isEnum()) {
            codec = new EnumCodec(type, options.enumMapping(), options.stringEncoding());
        } else {
            throw new AlwaysEncryptedException("Attributes of type " + javaType.getName()
                    + " cannot be encrypted; supported types are " + SUPPORTED_TYPES);
        }
        return (PlaintextCodec<T>) codec;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == boolean.class) {
            return Boolean.class;
        } else if (type == byte.class) {
            return Byte.class;
        } else if (type == short.class) {
            return Short.class;
        } else if (type == int.class) {
            return Integer.class;
        } else if (type == long.class) {
            return Long.class;
        } else if (type == float.class) {
            return Float.class;
        } else if (type == double.class) {
            return Double.class;
        }
        return type;
    }
}
