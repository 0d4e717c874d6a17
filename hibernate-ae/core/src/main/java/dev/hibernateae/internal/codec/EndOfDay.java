package dev.hibernateae.internal.codec;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * What a time of day of 24:00 stands for. It arises two ways, and both get the same answer, so that a row written
 * by mssql-jdbc and the same value written here read back equal:
 * <ul>
 *   <li>writing: rounding reaches the next midnight ({@link FractionalSeconds});</li>
 *   <li>reading: mssql-jdbc 13.6 writes 24:00:00 (864,000,000,000 units of 100 ns) itself at scales 0 to 6 when
 *       rounding reaches midnight: in time cells for values from 23:59:59.99999995 on, in datetime2 and
 *       datetimeoffset cells (on the UTC date) whenever rounding carries into the next day. That is not a SQL Server
 *       value (mssql-jdbc cannot read it back), but what it was meant to be is not in doubt.</li>
 * </ul>
 * The answer: a date-time moves to the next day's midnight, as SQL Server rounds; where there is no next day (a bare
 * time, or 9999-12-31) it stays on its day at the last value the column's digits can hold, as mssql-jdbc does for
 * every other value that rounds past the end of a time or of 9999-12-31. Never {@code 00:00} for a bare time: the
 * last instant of the day would read back as the first.
 *
 * <p>So what is written is always a valid value. Where mssql-jdbc writes 24:00:00 the deterministic cells differ
 * (the value is the same): an equality query from here does not find that row, and one from mssql-jdbc does not
 * find ours.
 */
final class EndOfDay {
    private EndOfDay() {
    }

    /** The last value of a day a {@code time(digits)} holds, e.g. 23:59:59.999 for 3 digits. */
    static LocalTime time(int digits) {
        return LocalTime.ofNanoOfDay(FractionalSeconds.NANOS_PER_DAY - FractionalSeconds.unit(digits));
    }

    /** The next day's midnight, or the last value of 9999-12-31 (or of any later date, which is then refused). */
    static LocalDateTime dateTime(LocalDate date, int digits) {
        if (date.isBefore(SqlServerTemporal.MAX_DATE)) {
            return date.plusDays(1).atStartOfDay();
        }
        return LocalDateTime.of(date, time(digits));
    }
}
