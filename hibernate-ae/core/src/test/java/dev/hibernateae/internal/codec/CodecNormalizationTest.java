package dev.hibernateae.internal.codec;

import dev.hibernateae.api.StringEncoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The exact bytes of FACTS §3: what SQL Server's drivers encrypt for each column type. */
class CodecNormalizationTest {
    private static final HexFormat HEX = HexFormat.of();

    private static <T> String hex(Class<T> type, CodecOptions options, T value) {
        return HEX.formatHex(PlaintextCodecs.forType(type, options).encode(value));
    }

    @Test
    void stringsAreUtf16LittleEndianByDefaultAndUtf8OnRequest() {
        assertEquals("480065006c006c006f00", hex(String.class, CodecOptions.DEFAULTS, "Hello"));
        assertEquals(HEX.formatHex("héllo".getBytes(StandardCharsets.UTF_8)),
                hex(String.class, CodecOptions.DEFAULTS.withStringEncoding(StringEncoding.UTF_8), "héllo"));
    }

    @Test
    void everyIntegralTypeIsAnEightByteLittleEndianLong() {
        assertEquals("0100000000000000", hex(Boolean.class, CodecOptions.DEFAULTS, true));
        assertEquals("0000000000000000", hex(Boolean.class, CodecOptions.DEFAULTS, false));
        assertEquals("ffffffffffffffff", hex(Byte.class, CodecOptions.DEFAULTS, (byte) -1));
        assertEquals("3412000000000000", hex(Short.class, CodecOptions.DEFAULTS, (short) 0x1234));
        assertEquals("7856341200000000", hex(Integer.class, CodecOptions.DEFAULTS, 0x12345678));
        assertEquals("0000000000000080", hex(Long.class, CodecOptions.DEFAULTS, Long.MIN_VALUE));
    }

    @Test
    void realIsFourBytesAndFloatEightLittleEndian() {
        assertEquals("0000c03f", hex(Float.class, CodecOptions.DEFAULTS, 1.5f));
        assertEquals("000000000000f83f", hex(Double.class, CodecOptions.DEFAULTS, 1.5));
    }

    @Test
    void negativeZeroKeepsItsSignAsInMssqlJdbc() {
        assertEquals("0000000000000080", hex(Double.class, CodecOptions.DEFAULTS, -0.0));
        assertEquals("00000080", hex(Float.class, CodecOptions.DEFAULTS, -0.0f));
        assertEquals("0000000000000000", hex(Double.class, CodecOptions.DEFAULTS, 0.0));
    }

    @Test
    void decimalIsSignThenMagnitudeInSixteenBytes() {
        CodecOptions scale2 = CodecOptions.DEFAULTS.withDecimal(10, 2);
        // 123.45 -> unscaled 12345 = 0x3039
        assertEquals("01393000000000000000000000000000", hex(BigDecimal.class, scale2, new BigDecimal("123.45")));
        assertEquals("00393000000000000000000000000000", hex(BigDecimal.class, scale2, new BigDecimal("-123.45")));
        assertEquals("01000000000000000000000000000000", hex(BigDecimal.class, scale2, BigDecimal.ZERO));
    }

    @Test
    void decimalsOfAnotherScaleGiveTheSameBytesAfterExactRescaling() {
        CodecOptions scale2 = CodecOptions.DEFAULTS.withDecimal(10, 2);
        assertEquals(hex(BigDecimal.class, scale2, new BigDecimal("1.50")),
                hex(BigDecimal.class, scale2, new BigDecimal("1.5")));
        assertEquals(hex(BigDecimal.class, scale2, new BigDecimal("100")),
                hex(BigDecimal.class, scale2, new BigDecimal("1E+2")));
    }

    @Test
    void dateIsThreeBytesOfDaysSinceYearOne() {
        assertEquals("000000", hex(LocalDate.class, CodecOptions.DEFAULTS, LocalDate.of(1, 1, 1)));
        assertEquals("010000", hex(LocalDate.class, CodecOptions.DEFAULTS, LocalDate.of(1, 1, 2)));
        // 3652058 days = 0x37 B9 DA
        assertEquals("dab937", hex(LocalDate.class, CodecOptions.DEFAULTS, LocalDate.of(9999, 12, 31)));
    }

    @Test
    void timeIsFiveBytesOfHundredNanosecondUnits() {
        assertEquals("0000000000", hex(LocalTime.class, CodecOptions.DEFAULTS, LocalTime.MIDNIGHT));
        // 1 second = 10,000,000 units = 0x989680
        assertEquals("8096980000", hex(LocalTime.class, CodecOptions.DEFAULTS, LocalTime.of(0, 0, 1)));
    }

    @Test
    void timeIsRoundedHalfUpToTheAttributeScale() {
        CodecOptions scale3 = CodecOptions.DEFAULTS.withFractionalSeconds(3);
        PlaintextCodec<LocalTime> codec = PlaintextCodecs.forType(LocalTime.class, scale3);
        assertEquals(LocalTime.of(10, 0, 0, 2_000_000), codec.decode(codec.encode(LocalTime.of(10, 0, 0, 1_500_000))));
        assertEquals(LocalTime.of(10, 0, 0, 1_000_000), codec.decode(codec.encode(LocalTime.of(10, 0, 0, 1_499_949))));
        // 1.499999 ms is 1.5000000 ms at 100 ns: up, as mssql-jdbc rounds.
        assertEquals(LocalTime.of(10, 0, 0, 2_000_000), codec.decode(codec.encode(LocalTime.of(10, 0, 0, 1_499_999))));
        // Rounding must never reach 24:00: the last value of the day truncates instead.
        assertEquals(LocalTime.of(23, 59, 59, 999_000_000), codec.decode(codec.encode(LocalTime.MAX)));
    }

    @Test
    void nanosAreRoundedTo100NanosecondsFirstThenToTheScale() {
        PlaintextCodec<LocalTime> codec =
                PlaintextCodecs.forType(LocalTime.class, CodecOptions.DEFAULTS.withFractionalSeconds(0));
        // .499999950 is .5000000 at 100 ns, which rounds up: mssql-jdbc's result, not a single rounding's.
        assertEquals(LocalTime.of(0, 4, 22), codec.decode(codec.encode(LocalTime.of(0, 4, 21, 499_999_950))));
        assertEquals(LocalTime.of(0, 4, 21), codec.decode(codec.encode(LocalTime.of(0, 4, 21, 499_999_949))));
    }

    @Test
    void a24HourTimeFromMssqlJdbcReadsAsTheValueWrittenHereForTheSameInput() {
        String midnight24 = "00c0692ac9"; // 864,000,000,000 units of 100 ns
        CodecOptions scale3 = CodecOptions.DEFAULTS.withFractionalSeconds(3);
        assertEquals(LocalTime.of(23, 59, 59, 999_000_000),
                PlaintextCodecs.forType(LocalTime.class, scale3).decode(HEX.parseHex(midnight24)));
        assertEquals(864_000_000_000L, LittleEndian.read(HEX.parseHex(midnight24), 0, 5));
        PlaintextCodec<LocalDateTime> dateTimes = PlaintextCodecs.forType(LocalDateTime.class, scale3);
        assertEquals(LocalDateTime.of(2024, 3, 1, 0, 0),
                dateTimes.decode(HEX.parseHex(midnight24 + hex(LocalDate.class, scale3, LocalDate.of(2024, 2, 29)))));
        assertEquals(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000),
                dateTimes.decode(HEX.parseHex(midnight24 + "dab937")));
        PlaintextCodec<OffsetDateTime> offsetDateTimes = PlaintextCodecs.forType(OffsetDateTime.class, scale3);
        assertEquals(OffsetDateTime.of(2024, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(1)), offsetDateTimes.decode(
                HEX.parseHex(midnight24 + hex(LocalDate.class, scale3, LocalDate.of(2024, 2, 29)) + "3c00")));
    }

    @Test
    void datetimeoffsetRoundsItsUtcValueSoALocal9999DateRoundsUpWhenItsUtcDateIsEarlier() {
        PlaintextCodec<OffsetDateTime> codec =
                PlaintextCodecs.forType(OffsetDateTime.class, CodecOptions.DEFAULTS.withFractionalSeconds(0));
        ZoneOffset plusOne = ZoneOffset.ofHours(1);
        assertEquals(OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, plusOne),
                codec.decode(codec.encode(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 600_000_000, plusOne))));
        assertEquals(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC),
                codec.decode(codec.encode(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 600_000_000, ZoneOffset.UTC))));
    }

    @Test
    void dateTimeRoundingCarriesIntoTheNextDayButNotPastYear9999() {
        PlaintextCodec<LocalDateTime> codec =
                PlaintextCodecs.forType(LocalDateTime.class, CodecOptions.DEFAULTS.withFractionalSeconds(0));
        assertEquals(LocalDateTime.of(2024, 3, 1, 0, 0),
                codec.decode(codec.encode(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 600_000_000))));
        assertEquals(LocalDateTime.of(9999, 12, 31, 23, 59, 59),
                codec.decode(codec.encode(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 600_000_000))));
    }

    @Test
    void datetime2IsTimeThenDate() {
        assertEquals("8096980000" + "010000",
                hex(LocalDateTime.class, CodecOptions.DEFAULTS, LocalDateTime.of(1, 1, 2, 0, 0, 1)));
    }

    @Test
    void datetimeoffsetIsTheUtcInstantThenTheOffsetInMinutes() {
        // 0001-01-02T01:00:01+01:00 is 0001-01-02T00:00:01Z; +60 minutes = 0x003c
        assertEquals("8096980000" + "010000" + "3c00", hex(OffsetDateTime.class, CodecOptions.DEFAULTS,
                OffsetDateTime.of(1, 1, 2, 1, 0, 1, 0, ZoneOffset.ofHours(1))));
        // -14:00 = -840 = 0xfcb8
        assertEquals("b8fc", hex(OffsetDateTime.class, CodecOptions.DEFAULTS,
                OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-14))).substring(16));
    }

    @Test
    void sameInstantAtAnotherOffsetIsAnotherValue() {
        OffsetDateTime utc = OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        assertNotEquals(hex(OffsetDateTime.class, CodecOptions.DEFAULTS, utc),
                hex(OffsetDateTime.class, CodecOptions.DEFAULTS, utc.withOffsetSameInstant(ZoneOffset.ofHours(2))));
    }

    @Test
    void instantIsDatetimeoffsetAtUtc() {
        Instant instant = Instant.parse("2024-01-01T12:00:00Z");
        assertEquals(hex(OffsetDateTime.class, CodecOptions.DEFAULTS, instant.atOffset(ZoneOffset.UTC)),
                hex(Instant.class, CodecOptions.DEFAULTS, instant));
    }

    @Test
    void uuidIsInDotNetGuidByteOrder() {
        assertEquals("33221100554477668899aabbccddeeff", hex(UUID.class, CodecOptions.DEFAULTS,
                UUID.fromString("00112233-4455-6677-8899-aabbccddeeff")));
    }

    @Test
    void enumsAreTheirNameOrTheirOrdinal() {
        assertEquals(hex(String.class, CodecOptions.DEFAULTS, "AB"),
                hex(CodecRoundTripTest.Blood.class, CodecOptions.DEFAULTS, CodecRoundTripTest.Blood.AB));
        assertEquals("0200000000000000", hex(CodecRoundTripTest.Blood.class,
                CodecOptions.DEFAULTS.withEnumMapping(CodecOptions.EnumMapping.ORDINAL), CodecRoundTripTest.Blood.AB));
    }

    @Test
    void binaryIsTheBytesThemselvesButNeverTheSameArray() {
        byte[] value = {1, 2, 3};
        byte[] encoded = PlaintextCodecs.forType(byte[].class, CodecOptions.DEFAULTS).encode(value);
        assertArrayEquals(value, encoded);
        value[0] = 9;
        assertEquals(1, encoded[0]);
    }
}
