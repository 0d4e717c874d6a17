package dev.hibernateae.internal.codec;

import dev.hibernateae.api.StringEncoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodecRoundTripTest {
    enum Blood { A, B, AB, O_NEGATIVE }

    private static <T> void roundTrips(Class<T> type, CodecOptions options, List<T> values) {
        PlaintextCodec<T> codec = PlaintextCodecs.forType(type, options);
        for (T value : values) {
            byte[] encoded = codec.encode(value);
            assertArrayEquals(encoded, codec.encode(value), "same value, same bytes");
            assertTrue(codec.maxEncodedLength() < 0 || encoded.length <= codec.maxEncodedLength(), "within max length");
            T decoded = codec.decode(encoded);
            if (value instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) decoded);
            } else {
                assertEquals(value, decoded, () -> type.getSimpleName() + " round trip");
            }
        }
    }

    @Test
    void stringsRoundTripInBothEncodings() {
        List<String> values = List.of("", "a", "795-73-9838", "Ünïcødé ✓", "𝄞 music 😀 astral", "\u0000nul",
                "x".repeat(4000));
        roundTrips(String.class, CodecOptions.DEFAULTS, values);
        roundTrips(String.class, CodecOptions.DEFAULTS.withStringEncoding(StringEncoding.UTF_8), values);
    }

    @Test
    void integralTypesRoundTripAtTheirLimits() {
        roundTrips(Boolean.class, CodecOptions.DEFAULTS, List.of(true, false));
        roundTrips(Byte.class, CodecOptions.DEFAULTS, List.of(Byte.MIN_VALUE, (byte) -1, (byte) 0, Byte.MAX_VALUE));
        roundTrips(Short.class, CodecOptions.DEFAULTS, List.of(Short.MIN_VALUE, (short) 0, Short.MAX_VALUE));
        roundTrips(Integer.class, CodecOptions.DEFAULTS, List.of(Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE));
        roundTrips(Long.class, CodecOptions.DEFAULTS, List.of(Long.MIN_VALUE, -1L, 0L, 1L, Long.MAX_VALUE));
    }

    @Test
    void primitiveTypesUseTheBoxedCodecs() {
        PlaintextCodec<Integer> codec = PlaintextCodecs.forType(int.class, CodecOptions.DEFAULTS);
        assertEquals(42, codec.decode(codec.encode(42)));
    }

    @Test
    void floatingPointRoundTripsAtTheirLimits() {
        roundTrips(Float.class, CodecOptions.DEFAULTS, List.of(Float.MIN_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE,
                0.0f, 1.5f, -3.25f, Float.MIN_NORMAL));
        roundTrips(Double.class, CodecOptions.DEFAULTS, List.of(Double.MIN_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE,
                0.0, Math.PI, -1e-300));
    }

    @Test
    void decimalsRoundTripIncludingNegativeAndLarge() {
        CodecOptions scale2 = CodecOptions.DEFAULTS.withDecimal(38, 2);
        roundTrips(BigDecimal.class, scale2, List.of(new BigDecimal("0.00"), new BigDecimal("-0.01"),
                new BigDecimal("123.45"), new BigDecimal("-98765432109876543210.99"),
                new BigDecimal("999999999999999999999999999999999999.99"),
                new BigDecimal("-999999999999999999999999999999999999.99")));
        CodecOptions scale0 = CodecOptions.DEFAULTS.withDecimal(18, 0);
        roundTrips(BigDecimal.class, scale0, List.of(new BigDecimal("255"), new BigDecimal("256"),
                new BigDecimal("-999999999999999999"), new BigDecimal("999999999999999999")));
        CodecOptions scale10 = CodecOptions.DEFAULTS.withDecimal(38, 10);
        roundTrips(BigDecimal.class, scale10, List.of(new BigDecimal("0.0000000001"), new BigDecimal("-1.0000000000")));
    }

    @Test
    void datesRoundTripAtSqlServerLimitsAndLeapDays() {
        roundTrips(LocalDate.class, CodecOptions.DEFAULTS, List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
                LocalDate.of(2024, 2, 29), LocalDate.of(2000, 2, 29), LocalDate.of(1582, 10, 4),
                LocalDate.of(1582, 10, 15), LocalDate.of(1970, 1, 1)));
    }

    @Test
    void timesRoundTripWithNanosecondsAtScaleSeven() {
        roundTrips(LocalTime.class, CodecOptions.DEFAULTS, List.of(LocalTime.MIDNIGHT, LocalTime.NOON,
                LocalTime.of(23, 59, 59, 999_999_900), LocalTime.of(1, 2, 3, 400)));
    }

    @Test
    void dateTimesRoundTripAtTheirLimits() {
        roundTrips(LocalDateTime.class, CodecOptions.DEFAULTS, List.of(LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900), LocalDateTime.of(2024, 2, 29, 12, 30, 0, 100)));
    }

    @Test
    void offsetDateTimesRoundTripWithExtremeOffsets() {
        roundTrips(OffsetDateTime.class, CodecOptions.DEFAULTS, List.of(
                OffsetDateTime.of(2024, 2, 29, 23, 30, 0, 1_200, ZoneOffset.ofHours(14)),
                OffsetDateTime.of(2024, 3, 1, 0, 30, 0, 0, ZoneOffset.ofHours(-14)),
                OffsetDateTime.of(2020, 6, 15, 8, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 45)),
                OffsetDateTime.of(1, 1, 1, 14, 0, 0, 0, ZoneOffset.ofHours(14)),
                OffsetDateTime.of(9999, 12, 31, 9, 59, 59, 999_999_900, ZoneOffset.ofHours(-14))));
    }

    @Test
    void instantsRoundTrip() {
        roundTrips(Instant.class, CodecOptions.DEFAULTS, List.of(Instant.EPOCH, Instant.parse("2024-02-29T12:00:00.1234567Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.9999999Z")));
    }

    @Test
    void uuidsBinaryAndEnumsRoundTrip() {
        roundTrips(UUID.class, CodecOptions.DEFAULTS, List.of(UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1),
                UUID.fromString("6f9619ff-8b86-d011-b42d-00cf4fc964ff")));
        roundTrips(byte[].class, CodecOptions.DEFAULTS, List.of(new byte[0], new byte[] {0, -1, 127, -128},
                new byte[5000]));
        roundTrips(Blood.class, CodecOptions.DEFAULTS, List.of(Blood.values()));
        roundTrips(Blood.class, CodecOptions.DEFAULTS.withEnumMapping(CodecOptions.EnumMapping.ORDINAL),
                List.of(Blood.values()));
    }
}
