package dev.hibernateae.internal.codec;

import dev.hibernateae.api.UnsupportedPlaintextException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * The date and time parts SQL Server's drivers normalize temporal values to: a date is 3 little-endian bytes of
 * days since 0001-01-01 (proleptic Gregorian, as java.time), a time is 5 little-endian bytes of 100-nanosecond
 * units since midnight, rounded half up to the column's fractional-second digits.
 */
final class SqlServerTemporal {
    static final int DATE_LENGTH = 3;
    static final int TIME_LENGTH = 5;
    static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    private static final long EPOCH_DAY_OF_MIN = MIN_DATE.toEpochDay();
    private static final long UNITS_PER_DAY = 864_000_000_000L;

    private SqlServerTemporal() {
    }

    static void writeDate(LocalDate date, byte[] out, int offset) {
        if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
            throw new UnsupportedPlaintextException("Date is outside SQL Server's range 0001-01-01..9999-12-31");
        }
        LittleEndian.write(date.toEpochDay() - EPOCH_DAY_OF_MIN, out, offset, DATE_LENGTH);
    }

    static LocalDate readDate(byte[] in, int offset) {
        LocalDate date = LocalDate.ofEpochDay(EPOCH_DAY_OF_MIN + LittleEndian.read(in, offset, DATE_LENGTH));
        if (date.isAfter(MAX_DATE)) {
            throw new UnsupportedPlaintextException("Decrypted date is after 9999-12-31: the column holds cells of "
                    + "another type");
        }
        return date;
    }

    /** Nanoseconds since midnight rounded half up to the fractional-second digits; may reach a whole day. */
    static long roundedNanosOfDay(long nanosOfDay, int fractionalSeconds) {
        long unit = nanosPerUnit(fractionalSeconds);
        return (nanosOfDay + unit / 2) / unit * unit;
    }

    static long truncatedNanosOfDay(long nanosOfDay, int fractionalSeconds) {
        long unit = nanosPerUnit(fractionalSeconds);
        return nanosOfDay / unit * unit;
    }

    static void writeTime(long nanosOfDay, byte[] out, int offset) {
        LittleEndian.write(nanosOfDay / 100, out, offset, TIME_LENGTH);
    }

    static LocalTime readTime(byte[] in, int offset) {
        long units = LittleEndian.read(in, offset, TIME_LENGTH);
        if (units >= UNITS_PER_DAY) {
            throw new UnsupportedPlaintextException("Decrypted time is 24:00 or later: the column holds cells of "
                    + "another type");
        }
        return LocalTime.ofNanoOfDay(units * 100);
    }

    /**
     * A date-time rounded to the fractional-second digits; when rounding reaches midnight the date moves on,
     * unless that would pass 9999-12-31, where it truncates instead (as mssql-jdbc does).
     */
    static LocalDateTime round(LocalDateTime value, int fractionalSeconds) {
        long nanos = value.toLocalTime().toNanoOfDay();
        long rounded = roundedNanosOfDay(nanos, fractionalSeconds);
        if (rounded < ChronoUnit.DAYS.getDuration().toNanos()) {
            return LocalDateTime.of(value.toLocalDate(), LocalTime.ofNanoOfDay(rounded));
        }
        if (value.toLocalDate().isBefore(MAX_DATE)) {
            return LocalDateTime.of(value.toLocalDate().plusDays(1), LocalTime.MIDNIGHT);
        }
        return LocalDateTime.of(value.toLocalDate(), LocalTime.ofNanoOfDay(truncatedNanosOfDay(nanos, fractionalSeconds)));
    }

    /** datetime2: time (5) then date (3). */
    static void writeDateTime(LocalDateTime roundedValue, byte[] out, int offset) {
        writeTime(roundedValue.toLocalTime().toNanoOfDay(), out, offset);
        writeDate(roundedValue.toLocalDate(), out, offset + TIME_LENGTH);
    }

    static LocalDateTime readDateTime(byte[] in, int offset) {
        return LocalDateTime.of(readDate(in, offset + TIME_LENGTH), readTime(in, offset));
    }

    private static long nanosPerUnit(int fractionalSeconds) {
        long unit = 1_000_000_000L;
        for (int i = 0; i < fractionalSeconds; i++) {
            unit /= 10;
        }
        return unit;
    }
}
