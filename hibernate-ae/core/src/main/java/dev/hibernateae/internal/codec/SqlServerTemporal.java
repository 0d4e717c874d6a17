package dev.hibernateae.internal.codec;

import dev.hibernateae.api.UnsupportedPlaintextException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The date and time parts SQL Server's drivers normalize temporal values to: a date is 3 little-endian bytes of
 * days since 0001-01-01 (proleptic Gregorian, as java.time), a time is 5 little-endian bytes of 100-nanosecond
 * units since midnight, whatever the column's digits. Values are rounded before they get here
 * ({@link FractionalSeconds}); a time of exactly 24:00 read from a cell is resolved by {@link EndOfDay}.
 */
final class SqlServerTemporal {
    static final int DATE_LENGTH = 3;
    static final int TIME_LENGTH = 5;
    static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    private static final long EPOCH_DAY_OF_MIN = MIN_DATE.toEpochDay();
    private static final long UNITS_PER_DAY = FractionalSeconds.NANOS_PER_DAY / 100;

    private SqlServerTemporal() {
    }

    static boolean inRange(LocalDate date) {
        return !date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE);
    }

    static void writeDate(LocalDate date, byte[] out, int offset) {
        if (!inRange(date)) {
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

    static void writeTime(LocalTime roundedValue, byte[] out, int offset) {
        LittleEndian.write(roundedValue.toNanoOfDay() / 100, out, offset, TIME_LENGTH);
    }

    /** time(digits); a cell of 24:00 exactly (mssql-jdbc writes some) reads as {@link EndOfDay#time}. */
    static LocalTime readTime(byte[] in, int offset, int digits) {
        long units = readUnits(in, offset);
        return units == UNITS_PER_DAY ? EndOfDay.time(digits) : LocalTime.ofNanoOfDay(units * 100);
    }

    /** datetime2: time (5) then date (3). */
    static void writeDateTime(LocalDateTime roundedValue, byte[] out, int offset) {
        writeTime(roundedValue.toLocalTime(), out, offset);
        writeDate(roundedValue.toLocalDate(), out, offset + TIME_LENGTH);
    }

    /** datetime2(digits); a time of 24:00 exactly (mssql-jdbc writes some) reads as {@link EndOfDay#dateTime}. */
    static LocalDateTime readDateTime(byte[] in, int offset, int digits) {
        long units = readUnits(in, offset);
        LocalDate date = readDate(in, offset + TIME_LENGTH);
        return units == UNITS_PER_DAY
                ? EndOfDay.dateTime(date, digits)
                : LocalDateTime.of(date, LocalTime.ofNanoOfDay(units * 100));
    }

    private static long readUnits(byte[] in, int offset) {
        long units = LittleEndian.read(in, offset, TIME_LENGTH);
        if (units > UNITS_PER_DAY) {
            throw new UnsupportedPlaintextException("Decrypted time is after 24:00: the column holds cells of "
                    + "another type");
        }
        return units;
    }
}
