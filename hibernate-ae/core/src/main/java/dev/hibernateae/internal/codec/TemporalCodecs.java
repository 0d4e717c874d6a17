package dev.hibernateae.internal.codec;

import dev.hibernateae.api.UnsupportedPlaintextException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * date, time(n), datetime2(n) and datetimeoffset(n), normalized as SQL Server's drivers do (see
 * {@link SqlServerTemporal}). {@link Instant} maps to datetimeoffset at +00:00, as Hibernate maps it on SQL Server.
 */
final class TemporalCodecs {
    private static final int DATETIME_LENGTH = SqlServerTemporal.TIME_LENGTH + SqlServerTemporal.DATE_LENGTH;
    private static final int DATETIMEOFFSET_LENGTH = DATETIME_LENGTH + 2;
    private static final int MAX_OFFSET_MINUTES = 14 * 60;

    private TemporalCodecs() {
    }

    static PlaintextCodec<LocalDate> dates() {
        return new Fixed<>(LocalDate.class, "date", SqlServerTemporal.DATE_LENGTH) {
            @Override
            void write(LocalDate value, byte[] out) {
                SqlServerTemporal.writeDate(value, out, 0);
            }

            @Override
            LocalDate read(byte[] in) {
                return SqlServerTemporal.readDate(in, 0);
            }
        };
    }

    /** time(n), rounded by {@link FractionalSeconds#round(LocalTime, int)}. */
    static PlaintextCodec<LocalTime> times(int fractionalSeconds) {
        return new Fixed<>(LocalTime.class, "time", SqlServerTemporal.TIME_LENGTH) {
            @Override
            void write(LocalTime value, byte[] out) {
                SqlServerTemporal.writeTime(FractionalSeconds.round(value, fractionalSeconds), out, 0);
            }

            @Override
            LocalTime read(byte[] in) {
                return SqlServerTemporal.readTime(in, 0, fractionalSeconds);
            }
        };
    }

    static PlaintextCodec<LocalDateTime> dateTimes(int fractionalSeconds) {
        return new Fixed<>(LocalDateTime.class, "datetime2", DATETIME_LENGTH) {
            @Override
            void write(LocalDateTime value, byte[] out) {
                SqlServerTemporal.writeDateTime(FractionalSeconds.round(value, fractionalSeconds), out, 0);
            }

            @Override
            LocalDateTime read(byte[] in) {
                return SqlServerTemporal.readDateTime(in, 0, fractionalSeconds);
            }
        };
    }

    /**
     * datetimeoffset(n): the UTC date-time, then the offset in minutes (int16 LE). The offset is part of the value:
     * the same instant at two offsets gives two different cells, as {@link OffsetDateTime#equals} says. The UTC
     * date-time is what is rounded and what must lie in 0001-01-01..9999-12-31, as in mssql-jdbc: a local date of
     * 9999-12-31 rounds up like any other when its UTC date is earlier.
     */
    static PlaintextCodec<OffsetDateTime> offsetDateTimes(int fractionalSeconds) {
        return new Fixed<>(OffsetDateTime.class, "datetimeoffset", DATETIMEOFFSET_LENGTH) {
            @Override
            void write(OffsetDateTime value, byte[] out) {
                writeOffsetDateTime(value.toLocalDateTime(), value.getOffset(), fractionalSeconds, out);
            }

            @Override
            OffsetDateTime read(byte[] in) {
                return readOffsetDateTime(in, fractionalSeconds);
            }
        };
    }

    static PlaintextCodec<Instant> instants(int fractionalSeconds) {
        return new Fixed<>(Instant.class, "datetimeoffset", DATETIMEOFFSET_LENGTH) {
            @Override
            void write(Instant value, byte[] out) {
                LocalDateTime utc;
                try {
                    utc = LocalDateTime.ofInstant(value, ZoneOffset.UTC);
                } catch (java.time.DateTimeException e) {
                    throw new UnsupportedPlaintextException("Instant is outside SQL Server's range 0001..9999");
                }
                writeOffsetDateTime(utc, ZoneOffset.UTC, fractionalSeconds, out);
            }

            @Override
            Instant read(byte[] in) {
                return readOffsetDateTime(in, fractionalSeconds).toInstant();
            }
        };
    }

    private static void writeOffsetDateTime(LocalDateTime local, ZoneOffset offset, int fractionalSeconds, byte[] out) {
        int offsetSeconds = offset.getTotalSeconds();
        if (offsetSeconds % 60 != 0 || Math.abs(offsetSeconds) > MAX_OFFSET_MINUTES * 60) {
            throw new UnsupportedPlaintextException("Offset must be whole minutes within -14:00..+14:00, "
                    + "the range of SQL Server's datetimeoffset");
        }
        LocalDateTime utc = FractionalSeconds.round(local.minusSeconds(offsetSeconds), fractionalSeconds);
        if (!SqlServerTemporal.inRange(utc.toLocalDate())) {
            throw new UnsupportedPlaintextException("datetimeoffset is outside SQL Server's range in UTC, "
                    + "0001-01-01..9999-12-31 (the local date-time minus the offset, rounded to the column's digits)");
        }
        SqlServerTemporal.writeDateTime(utc, out, 0);
        LittleEndian.write(offsetSeconds / 60, out, DATETIME_LENGTH, 2);
    }

    private static OffsetDateTime readOffsetDateTime(byte[] in, int fractionalSeconds) {
        LocalDateTime utc = SqlServerTemporal.readDateTime(in, 0, fractionalSeconds);
        int minutes = (short) LittleEndian.read(in, DATETIME_LENGTH, 2);
        if (Math.abs(minutes) > MAX_OFFSET_MINUTES) {
            throw new UnsupportedPlaintextException("Decrypted datetimeoffset has an offset beyond 14:00: the column "
                    + "holds cells of another type");
        }
        return utc.atOffset(ZoneOffset.UTC).withOffsetSameInstant(ZoneOffset.ofTotalSeconds(minutes * 60));
    }

    /** A codec whose normalized form has one fixed length. */
    private abstract static class Fixed<T> implements PlaintextCodec<T> {
        private final Class<T> type;
        private final String sqlType;
        private final int length;

        Fixed(Class<T> type, String sqlType, int length) {
            this.type = type;
            this.sqlType = sqlType;
            this.length = length;
        }

        abstract void write(T value, byte[] out);

        abstract T read(byte[] in);

        @Override
        public Class<T> javaType() {
            return type;
        }

        @Override
        public byte[] encode(T value) {
            byte[] out = new byte[length];
            write(value, out);
            return out;
        }

        @Override
        public T decode(byte[] bytes) {
            Lengths.require(bytes, length, sqlType, type);
            return read(bytes);
        }

        @Override
        public int maxEncodedLength() {
            return length;
        }
    }
}
