package dev.hibernateae.internal.codec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.UnsupportedPlaintextException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CodecRefusalTest {
    private static void refused(Executable action, String expectedWords, String secret) {
        UnsupportedPlaintextException e = assertThrows(UnsupportedPlaintextException.class, action);
        assertTrue(e.getMessage().contains(expectedWords), e.getMessage());
        if (secret != null) {
            assertFalse(e.getMessage().contains(secret), "the message must not show the value");
        }
    }

    @Test
    void infinitiesAndNanAreRefused() {
        PlaintextCodec<Double> doubles = PlaintextCodecs.forType(Double.class, CodecOptions.DEFAULTS);
        PlaintextCodec<Float> floats = PlaintextCodecs.forType(Float.class, CodecOptions.DEFAULTS);
        refused(() -> doubles.encode(Double.POSITIVE_INFINITY), "Infinite", null);
        refused(() -> doubles.encode(Double.NEGATIVE_INFINITY), "Infinite", null);
        refused(() -> doubles.encode(Double.NaN), "NaN", null);
        refused(() -> floats.encode(Float.POSITIVE_INFINITY), "real", null);
        refused(() -> floats.encode(Float.NaN), "real", null);
    }

    @Test
    void decimalThatWouldRoundIsRefusedWithoutShowingIt() {
        PlaintextCodec<BigDecimal> codec = PlaintextCodecs.forType(BigDecimal.class,
                CodecOptions.DEFAULTS.withDecimal(10, 2));
        refused(() -> codec.encode(new BigDecimal("31415.926")), "scale of 2", "31415");
    }

    @Test
    void decimalBeyondPrecisionIsRefused() {
        PlaintextCodec<BigDecimal> codec = PlaintextCodecs.forType(BigDecimal.class,
                CodecOptions.DEFAULTS.withDecimal(5, 2));
        refused(() -> codec.encode(new BigDecimal("1234.5")), "precision of 5", "1234");
    }

    @Test
    void datesOutsideSqlServerRangeAreRefused() {
        PlaintextCodec<LocalDate> dates = PlaintextCodecs.forType(LocalDate.class, CodecOptions.DEFAULTS);
        refused(() -> dates.encode(LocalDate.of(0, 12, 31)), "0001-01-01..9999-12-31", null);
        refused(() -> dates.encode(LocalDate.of(10000, 1, 1)), "0001-01-01..9999-12-31", null);
        PlaintextCodec<Instant> instants = PlaintextCodecs.forType(Instant.class, CodecOptions.DEFAULTS);
        refused(() -> instants.encode(Instant.MAX), "range", null);
        PlaintextCodec<LocalDateTime> dateTimes = PlaintextCodecs.forType(LocalDateTime.class, CodecOptions.DEFAULTS);
        refused(() -> dateTimes.encode(LocalDateTime.of(-5, 1, 1, 0, 0)), "range", null);
    }

    @Test
    void datetimeoffsetsPastTheRangeInUtcAreRefused() {
        PlaintextCodec<OffsetDateTime> codec = PlaintextCodecs.forType(OffsetDateTime.class, CodecOptions.DEFAULTS);
        // 9999-12-31T23:30-01:00 is 10000-01-01T00:30Z (mssql-jdbc refuses it too).
        refused(() -> codec.encode(OffsetDateTime.of(9999, 12, 31, 23, 30, 0, 0, ZoneOffset.ofHours(-1))),
                "range in UTC", null);
        // 0001-01-01T00:30+01:00 is 0000-12-31T23:30Z (mssql-jdbc writes an unrelated date for it).
        refused(() -> codec.encode(OffsetDateTime.of(1, 1, 1, 0, 30, 0, 0, ZoneOffset.ofHours(1))),
                "range in UTC", null);
    }

    @Test
    void offsetsSqlServerCannotHoldAreRefused() {
        PlaintextCodec<OffsetDateTime> codec = PlaintextCodecs.forType(OffsetDateTime.class, CodecOptions.DEFAULTS);
        refused(() -> codec.encode(OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(14, 30))),
                "-14:00..+14:00", null);
        refused(() -> codec.encode(OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(1, 0, 30))),
                "whole minutes", null);
    }

    @Test
    void stringsLongerThanTheAttributeAreRefused() {
        PlaintextCodec<String> codec = PlaintextCodecs.forType(String.class, CodecOptions.DEFAULTS.withLength(5));
        refused(() -> codec.encode("123456"), "length of 5", "123456");
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        PlaintextCodec<String> codec = PlaintextCodecs.forType(String.class, CodecOptions.DEFAULTS);
        refused(() -> codec.encode("a\uD800b"), "unpaired", null);
        refused(() -> codec.encode("end\uDC00"), "unpaired", null);
    }

    @Test
    void decodedBytesOfTheWrongShapeAreRefused() {
        refused(() -> PlaintextCodecs.forType(Integer.class, CodecOptions.DEFAULTS).decode(new byte[4]), "8 bytes", null);
        refused(() -> PlaintextCodecs.forType(LocalDate.class, CodecOptions.DEFAULTS).decode(new byte[8]), "3 bytes", null);
        refused(() -> PlaintextCodecs.forType(UUID.class, CodecOptions.DEFAULTS).decode(new byte[15]), "16 bytes", null);
        refused(() -> PlaintextCodecs.forType(String.class, CodecOptions.DEFAULTS).decode(new byte[] {0x41}), "UTF-16LE",
                null);
        byte[] tooBig = PlaintextCodecs.forType(Long.class, CodecOptions.DEFAULTS).encode(1L << 40);
        refused(() -> PlaintextCodecs.forType(Integer.class, CodecOptions.DEFAULTS).decode(tooBig), "range", null);
        byte[] two = PlaintextCodecs.forType(Long.class, CodecOptions.DEFAULTS).encode(2L);
        refused(() -> PlaintextCodecs.forType(Boolean.class, CodecOptions.DEFAULTS).decode(two), "range", null);
        byte[] badTime = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        refused(() -> PlaintextCodecs.forType(LocalTime.class, CodecOptions.DEFAULTS).decode(badTime), "after 24:00", null);
        byte[] justPast24 = {1, (byte) 0xc0, 0x69, 0x2a, (byte) 0xc9, 0, 0, 0};
        refused(() -> PlaintextCodecs.forType(LocalDateTime.class, CodecOptions.DEFAULTS).decode(justPast24), "after 24:00",
                null);
        byte[] badSign = new byte[16];
        badSign[0] = 7;
        refused(() -> PlaintextCodecs.forType(BigDecimal.class, CodecOptions.DEFAULTS).decode(badSign), "sign", null);
    }

    @Test
    void unknownEnumConstantIsRefused() {
        byte[] name = PlaintextCodecs.forType(String.class, CodecOptions.DEFAULTS).encode("Z");
        refused(() -> PlaintextCodecs.forType(CodecRoundTripTest.Blood.class, CodecOptions.DEFAULTS).decode(name),
                "no constant", null);
        CodecOptions ordinal = CodecOptions.DEFAULTS.withEnumMapping(CodecOptions.EnumMapping.ORDINAL);
        byte[] nine = PlaintextCodecs.forType(Integer.class, ordinal).encode(9);
        refused(() -> PlaintextCodecs.forType(CodecRoundTripTest.Blood.class, ordinal).decode(nine), "no constant", null);
    }

    @Test
    void unsupportedJavaTypesAreNamedWithTheSupportedList() {
        AlwaysEncryptedException e = assertThrows(AlwaysEncryptedException.class,
                () -> PlaintextCodecs.forType(java.util.Date.class, CodecOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("java.util.Date") && e.getMessage().contains("LocalDate"), e.getMessage());
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CodecOptions.DEFAULTS.withDecimal(39, 2));
        assertThrows(IllegalArgumentException.class, () -> CodecOptions.DEFAULTS.withDecimal(5, 6));
        assertThrows(IllegalArgumentException.class, () -> CodecOptions.DEFAULTS.withFractionalSeconds(8));
    }
}
