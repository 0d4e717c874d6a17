package dev.hibernateae.internal.codec;

import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The one rounding rule for fractional seconds, mssql-jdbc's (13.6): nanoseconds are rounded half up to 100 ns,
 * SQL Server's finest unit, and that result half up to the column's digits. Rounding twice is not rounding once:
 * {@code 00:04:21.499999950} is {@code 00:04:21.5000000} at 100 ns, so {@code 00:04:22} at {@code time(0)}, where
 * rounding once would give {@code 00:04:21}. Deterministic cells must be the bytes mssql-jdbc encrypts, so its rule
 * is the rule. At 7 digits both ways agree.
 *
 * <p>When the rounded time reaches the next midnight, {@link EndOfDay} says what is written.
 */
final class FractionalSeconds {
    static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final long SQL_SERVER_UNIT = 100;

    private FractionalSeconds() {
    }

    /** Nanoseconds in one unit of the last digit kept: 1 s for 0 digits, 100 ns for 7. */
    static long unit(int digits) {
        long unit = 1_000_000_000L;
        for (int i = 0; i < digits; i++) {
            unit /= 10;
        }
        return unit;
    }

    /** Nanoseconds since midnight rounded as mssql-jdbc rounds them; may be {@link #NANOS_PER_DAY}. */
    static long round(long nanosOfDay, int digits) {
        long hundreds = (nanosOfDay + SQL_SERVER_UNIT / 2) / SQL_SERVER_UNIT * SQL_SERVER_UNIT;
        long unit = unit(digits);
        return (hundreds + unit / 2) / unit * unit;
    }

    /** time(digits): a bare time has no next day to move to. */
    static LocalTime round(LocalTime value, int digits) {
        long rounded = round(value.toNanoOfDay(), digits);
        return rounded < NANOS_PER_DAY ? LocalTime.ofNanoOfDay(rounded) : EndOfDay.time(digits);
    }

    /** datetime2(digits), and datetimeoffset(digits) in UTC. */
    static LocalDateTime round(LocalDateTime value, int digits) {
        long rounded = round(value.toLocalTime().toNanoOfDay(), digits);
        return rounded < NANOS_PER_DAY
                ? LocalDateTime.of(value.toLocalDate(), LocalTime.ofNanoOfDay(rounded))
                : EndOfDay.dateTime(value.toLocalDate(), digits);
    }
}
