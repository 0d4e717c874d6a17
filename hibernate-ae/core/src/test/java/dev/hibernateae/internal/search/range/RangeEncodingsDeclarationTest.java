package dev.hibernateae.internal.search.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Mistakes in a range declaration are refused with a message naming the problem and the fix. */
class RangeEncodingsDeclarationTest {

    @Test
    void minAboveMax() {
        assertRefused(Integer.class, bounds("10", "5"), "range min '10' is greater than max '5'; declare min <= max");
        assertRefused(LocalDate.class, bounds("", "0000-12-31"),
                "range min (natural) 0001-01-01 is greater than max '0000-12-31'; declare min <= max");
        assertRefused(Instant.class, bounds("2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z"), "declare min <= max");
        assertRefused(Double.class, bounds("0.5", "-0.5"), "declare min <= max");
        // the same instant at two offsets is not min > max
        RangeEncoding<OffsetDateTime> oneInstant = RangeEncodings.of(OffsetDateTime.class,
                bounds("2024-01-01T10:00:00+01:00", "2024-01-01T09:00:00Z"));
        assertEquals(0, oneInstant.bits());
        assertRefused(OffsetDateTime.class, bounds("2024-01-01T10:00:00+01:00", "2024-01-01T08:59:59Z"),
                "is greater than max");
    }

    @Test
    void unparseableBounds() {
        assertRefused(Integer.class, bounds("ten", ""),
                "range min 'ten' is not a decimal integer between -2147483648 and 2147483647");
        assertRefused(Byte.class, bounds("", "128"), "range max '128' is not a decimal integer between -128 and 127");
        assertRefused(LocalDate.class, bounds("31/01/2024", ""),
                "range min '31/01/2024' is not an ISO date such as 2024-01-31; write it in that form");
        assertRefused(LocalDateTime.class, bounds("2024-01-31 08:30", ""), "is not an ISO local date-time");
        assertRefused(Instant.class, bounds("2024-01-31T08:30:00", ""), "is not an ISO instant");
        assertRefused(OffsetDateTime.class, bounds("2024-01-31T08:30:00", ""), "is not an ISO offset date-time");
        assertRefused(LocalTime.class, bounds("8h30", ""), "is not an ISO time");
        assertRefused(Double.class, bounds("", "lots"), "range max 'lots' is not a decimal number");
        assertRefused(BigDecimal.class, new RangeBounds("1,5", "", 5, 2, null), "is not a decimal number");
    }

    @Test
    void nanCannotBoundARange() {
        assertRefused(Double.class, bounds("NaN", ""), "range min is NaN, which bounds nothing");
        assertRefused(Float.class, bounds("", "NaN"), "range max is NaN");
    }

    @Test
    void boundsFinerThanTheScaleOrUnit() {
        assertRefused(BigDecimal.class, new RangeBounds("0.005", "", 5, 2, null),
                "range min '0.005' is finer than the declared precision 5 and scale 2; round the bound");
        assertRefused(Instant.class, new RangeBounds("", "2024-01-01T00:00:00.5Z", 0, 0, ChronoUnit.SECONDS),
                "is finer than the declared unit SECONDS");
        assertRefused(LocalTime.class, new RangeBounds("08:00:00.000000001", "", 0, 0, null),
                "finer than the declared unit MICROS");
        // trailing zeros are not precision
        RangeEncodings.of(BigDecimal.class, new RangeBounds("0.5000", "", 5, 2, null));
    }

    @Test
    void decimalsNeedAPrecisionThatHoldsTheirBounds() {
        assertRefused(BigDecimal.class, bounds("", ""), "BigDecimal range search needs the column's precision and"
                + " scale, but precision is 0 and scale 0; declare precision >= 1 and 0 <= scale <= precision");
        assertRefused(BigDecimal.class, new RangeBounds("", "", 5, 6, null), "scale 6");
        assertRefused(BigDecimal.class, new RangeBounds("", "", 5, -1, null), "declare precision >= 1");
        assertRefused(BigDecimal.class, new RangeBounds("", "1000", 5, 2, null),
                "range max '1000' does not fit precision 5 and scale 2 (at most 999.99 in magnitude); raise the"
                        + " precision");
        assertRefused(BigDecimal.class, new RangeBounds("", "", 19, 0, null),
                "need 65 bits, more than the 64 of a code; lower the precision or declare min and max closer");
        assertEquals(61, RangeEncodings.of(BigDecimal.class, new RangeBounds("", "", 18, 0, null)).bits());
    }

    @Test
    void unitsFromSecondsToNanos() {
        assertRefused(LocalDateTime.class, new RangeBounds("", "", 0, 0, ChronoUnit.MINUTES),
                "range unit MINUTES is not supported; declare SECONDS, MILLIS, MICROS or NANOS");
        assertRefused(Instant.class, new RangeBounds("", "", 0, 0, ChronoUnit.HALF_DAYS), "unit HALF_DAYS");
        // the unit does not apply to dates and numbers
        RangeEncodings.of(LocalDate.class, new RangeBounds("", "", 0, 0, ChronoUnit.DAYS));
        RangeEncodings.of(Long.class, new RangeBounds("", "", 0, 0, ChronoUnit.DAYS));
    }

    @Test
    void nanosOverTenThousandYearsNeedDeclaredBounds() {
        for (Class<?> type : new Class<?>[] {LocalDateTime.class, Instant.class, OffsetDateTime.class}) {
            assertRefused(type, new RangeBounds("", "", 0, 0, ChronoUnit.NANOS),
                    "at unit NANOS has 315537897600000000000 values, which need 69 bits, more than the 64 of a code;"
                            + " at unit NANOS 64 bits span about 584 years, not 0001-9999: declare min and max at most"
                            + " that far apart, or use unit MICROS");
        }
        assertRefused(Instant.class, new RangeBounds("1900-01-01T00:00:00Z", "", 0, 0, ChronoUnit.NANOS),
                "range from '1900-01-01T00:00:00Z' to (natural) 9999-12-31T23:59:59.999999999Z at unit NANOS has"
                        + " 255611289600000000000 values, which need 68 bits");
        RangeEncoding<Instant> declared = RangeEncodings.of(Instant.class,
                new RangeBounds("1900-01-01T00:00:00Z", "2400-01-01T00:00:00Z", 0, 0, ChronoUnit.NANOS));
        assertEquals(64, declared.bits());
        assertRefused(Instant.class, new RangeBounds("1900-01-01T00:00:00Z", "2500-01-01T00:00:00Z", 0, 0,
                ChronoUnit.NANOS), "65 bits");
    }

    @Test
    void unsupportedTypes() {
        assertRefused(String.class, bounds("", ""), "type java.lang.String has no range encoding; range search supports"
                + " Byte, Short, Integer, Long, BigDecimal, Float, Double, LocalDate, LocalTime, LocalDateTime, Instant"
                + " and OffsetDateTime");
        assertRefused(boolean.class, bounds("", ""), "type boolean has no range encoding");
        assertRefused(java.math.BigInteger.class, bounds("", ""), "has no range encoding");
    }

    @Test
    void absentPartsAreNaturalAndDefault() {
        RangeBounds absent = new RangeBounds(null, null, 0, 0, null);
        assertEquals("", absent.min());
        assertEquals(ChronoUnit.MICROS, absent.unit());
        assertEquals(RangeBounds.natural(), absent);
        assertEquals(new RangeBounds("1", "2", 0, 0, null), new RangeBounds(" 1 ", "2\n", 0, 0, null));
    }

    private static RangeBounds bounds(String min, String max) {
        return new RangeBounds(min, max, 0, 0, null);
    }

    private static void assertRefused(Class<?> type, RangeBounds bounds, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RangeEncodings.of(type, bounds));
        assertTrue(e.getMessage().contains(expected), () -> "expected <" + expected + "> in: " + e.getMessage());
    }
}
