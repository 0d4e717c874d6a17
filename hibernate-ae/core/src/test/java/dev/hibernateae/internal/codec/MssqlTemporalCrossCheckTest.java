package dev.hibernateae.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedPlaintextException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * time, datetime2 and datetimeoffset cells against mssql-jdbc's own normalization ({@link MssqlDriverNormalization}),
 * at every scale, for random values (a third of them uniform, the rest within 120 ns of a rounding boundary) and
 * for the edges: 49/50/51 ns around every kind of boundary, the last nanoseconds of a day, 9999-12-31 with and
 * without offsets.
 *
 * <p>The cells must be byte-identical, except where mssql-jdbc writes a value that is not the one it was given;
 * there hibernate-ae writes the right value, and the test says which case it is:
 * <ul>
 *   <li>mssql-jdbc writes a time of day of 24:00:00 (at scales 0 to 6, when rounding reaches the next midnight):
 *       not a SQL Server value, and mssql-jdbc cannot read it back. hibernate-ae writes a valid value and must read
 *       mssql-jdbc's cell as that same value;</li>
 *   <li>mssql-jdbc's end-of-day test compares 100 ns units with a count of scale units, so at scales 3 to 6 one
 *       value a day (00:00:08.640, 00:01:26.4, 00:14:24, 02:24:00) is written as the unit before it (time) or as
 *       midnight of the same day (datetime2, datetimeoffset);</li>
 * </ul>
 * Both refuse the same values (those past 9999-12-31 in UTC). Random datetimeoffset and Instant values start at
 * 1582-10-15 (UTC) and random datetime2 values skip 1582-10-05..14: mssql-jdbc writes Julian calendar dates there
 * ({@link #mssqlJdbcWritesJulianDatesBeforeTheGregorianCutover}).
 */
class MssqlTemporalCrossCheckTest {
    private static final int RANDOM_VALUES = 1500;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final long UNITS_OF_24_HOURS = NANOS_PER_DAY / 100;
    private static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    private static final LocalDate GREGORIAN_CUTOVER = LocalDate.of(1582, 10, 15);
    private static final int[] OFFSET_MINUTES = {0, 1, -1, 60, -60, 345, 840, -840};
    private static final HexFormat HEX = HexFormat.of();

    private static MssqlDriverNormalization mssql;

    @BeforeAll
    static void reachMssqlJdbc() throws ReflectiveOperationException {
        mssql = new MssqlDriverNormalization();
    }

    @Test
    void timesMatchMssqlJdbcAtEveryScale() {
        for (int scale = 0; scale <= 7; scale++) {
            Random random = new Random(7_000 + scale);
            List<LocalTime> values = new ArrayList<>();
            for (long nanos : edgeNanosOfDay(scale, random)) {
                values.add(LocalTime.ofNanoOfDay(nanos));
            }
            for (int i = 0; i < RANDOM_VALUES; i++) {
                values.add(LocalTime.ofNanoOfDay(randomNanosOfDay(random, scale)));
            }
            Tally tally = crossCheck(LocalTime.class, scale, values, mssql::time);
            assertSpecialCasesSeen(tally, scale);
        }
    }

    @Test
    void dateTimesMatchMssqlJdbcAtEveryScale() {
        for (int scale = 0; scale <= 7; scale++) {
            Random random = new Random(8_000 + scale);
            List<LocalDateTime> values = new ArrayList<>();
            for (LocalDate date : List.of(LocalDate.of(1, 1, 1), LocalDate.of(2024, 2, 29), MAX_DATE.minusDays(1),
                    MAX_DATE)) {
                for (long nanos : edgeNanosOfDay(scale, random)) {
                    values.add(date.atStartOfDay().plusNanos(nanos));
                }
            }
            for (int i = 0; i < RANDOM_VALUES; i++) {
                values.add(randomDate(random, LocalDate.of(1, 1, 1)).atStartOfDay()
                        .plusNanos(randomNanosOfDay(random, scale)));
            }
            Tally tally = crossCheck(LocalDateTime.class, scale, values, mssql::dateTime);
            assertSpecialCasesSeen(tally, scale);
        }
    }

    @Test
    void offsetDateTimesMatchMssqlJdbcAtEveryScale() {
        for (int scale = 0; scale <= 7; scale++) {
            Random random = new Random(9_000 + scale);
            List<OffsetDateTime> values = new ArrayList<>();
            for (int minutes : OFFSET_MINUTES) {
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(minutes * 60);
                for (long nanos : edgeNanosOfDay(scale, random)) {
                    // 9999-12-31 as the local date: past the range in UTC for negative offsets, inside it otherwise.
                    values.add(MAX_DATE.atStartOfDay().plusNanos(nanos).atOffset(offset));
                    // 9999-12-31 and the day before as the UTC date, whatever the local one.
                    for (LocalDate utcDate : List.of(MAX_DATE, MAX_DATE.minusDays(1), GREGORIAN_CUTOVER)) {
                        values.add(utcDate.atStartOfDay().plusNanos(nanos).atOffset(ZoneOffset.UTC)
                                .withOffsetSameInstant(offset));
                    }
                }
            }
            for (int i = 0; i < RANDOM_VALUES; i++) {
                ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(2 * 840 + 1) - 840) * 60);
                values.add(randomDate(random, GREGORIAN_CUTOVER).atStartOfDay()
                        .plusNanos(randomNanosOfDay(random, scale)).atOffset(ZoneOffset.UTC)
                        .withOffsetSameInstant(offset));
            }
            Tally tally = crossCheck(OffsetDateTime.class, scale, values, mssql::offsetDateTime);
            assertSpecialCasesSeen(tally, scale);
            assertTrue(tally.refusedByBoth > 0, "values past 9999-12-31 UTC were tried");
        }
    }

    @Test
    void instantsMatchMssqlJdbcAtEveryScale() {
        for (int scale = 0; scale <= 7; scale++) {
            Random random = new Random(10_000 + scale);
            List<Instant> values = new ArrayList<>();
            for (LocalDate date : List.of(GREGORIAN_CUTOVER, LocalDate.of(1970, 1, 1), MAX_DATE.minusDays(1),
                    MAX_DATE)) {
                for (long nanos : edgeNanosOfDay(scale, random)) {
                    values.add(date.atStartOfDay().plusNanos(nanos).toInstant(ZoneOffset.UTC));
                }
            }
            for (int i = 0; i < RANDOM_VALUES; i++) {
                values.add(randomDate(random, GREGORIAN_CUTOVER).atStartOfDay()
                        .plusNanos(randomNanosOfDay(random, scale)).toInstant(ZoneOffset.UTC));
            }
            Tally tally = crossCheck(Instant.class, scale, values, mssql::instant);
            assertSpecialCasesSeen(tally, scale);
        }
    }

    /**
     * mssql-jdbc turns an {@code OffsetDateTime} into epoch milliseconds and reads the date back from a
     * {@code GregorianCalendar}, which counts Julian dates before 1582-10-15; and it puts the fields of a
     * {@code LocalDate} or {@code LocalDateTime} into such a calendar, which moves the ten dates the cutover dropped
     * (1582-10-05..14) ten days on. Either way it writes another day than the one it was given, in the proleptic
     * Gregorian calendar java.time and SQL Server both count in. hibernate-ae writes the value it is given; this test
     * shows the cells differ so that the exclusion above is revisited if mssql-jdbc changes.
     */
    @Test
    void mssqlJdbcWritesJulianDatesBeforeTheGregorianCutover() {
        PlaintextCodec<OffsetDateTime> offsetDateTimes = codec(OffsetDateTime.class, 7);
        OffsetDateTime medieval = OffsetDateTime.of(1000, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        assertEquals(LocalDate.of(1000, 2, 24), offsetDateTimes.decode(mssql.offsetDateTime(medieval, 7))
                .toLocalDate(), "mssql-jdbc's cell holds the Julian date");
        assertEquals(medieval, offsetDateTimes.decode(offsetDateTimes.encode(medieval)));

        PlaintextCodec<LocalDateTime> dateTimes = codec(LocalDateTime.class, 7);
        LocalDateTime dropped = LocalDateTime.of(1582, 10, 10, 12, 0);
        assertEquals(LocalDate.of(1582, 10, 20), dateTimes.decode(mssql.dateTime(dropped, 7)).toLocalDate());
        assertEquals(dropped, dateTimes.decode(dateTimes.encode(dropped)));
        PlaintextCodec<LocalDate> dates = codec(LocalDate.class, 7);
        assertEquals(LocalDate.of(1582, 10, 20), dates.decode(mssql.date(dropped.toLocalDate())));

        // Right after the cutover, and for datetime2 right before the dropped dates, the cells are the same.
        OffsetDateTime cutover = GREGORIAN_CUTOVER.atStartOfDay().atOffset(ZoneOffset.UTC);
        assertArrayEquals(mssql.offsetDateTime(cutover, 7), offsetDateTimes.encode(cutover));
        LocalDateTime julianWall = LocalDateTime.of(1000, 3, 1, 10, 0);
        assertArrayEquals(mssql.dateTime(julianWall, 7), dateTimes.encode(julianWall));
    }

    /** Which special cases a run met; each must be met at the scales where it exists, or the edges are wrong. */
    private static final class Tally {
        int identical;
        int mssqlWrote24Hours;
        int mssqlMisplacedEndOfDay;
        int refusedByBoth;
    }

    private static void assertSpecialCasesSeen(Tally tally, int scale) {
        assertTrue(tally.identical > RANDOM_VALUES / 2, "scale " + scale + ": most values compared byte for byte");
        if (scale < 7) {
            assertTrue(tally.mssqlWrote24Hours > 0, "scale " + scale + ": a value mssql-jdbc writes as 24:00:00");
        }
        if (scale >= 3 && scale <= 6) {
            assertTrue(tally.mssqlMisplacedEndOfDay > 0, "scale " + scale + ": a value at mssql-jdbc's misplaced "
                    + "end-of-day test");
        }
    }

    /** Compares each value's cell with mssql-jdbc's, and counts the special cases met. */
    private static <T> Tally crossCheck(Class<T> type, int scale, List<T> values, Mssql<T> driver) {
        PlaintextCodec<T> codec = codec(type, scale);
        Tally tally = new Tally();
        for (T value : values) {
            String label = type.getSimpleName() + " " + value + " at scale " + scale;
            byte[] theirs = refusedAsNull(() -> driver.normalize(value, scale));
            byte[] ours = refusedAsNull(() -> codec.encode(value));
            if (theirs == null) {
                assertNull(ours, () -> label + ": mssql-jdbc refuses it, hibernate-ae writes " + HEX.formatHex(ours));
                tally.refusedByBoth++;
                continue;
            }
            assertNotNull(ours, () -> label + ": hibernate-ae refuses what mssql-jdbc writes as "
                    + HEX.formatHex(theirs));
            long theirUnits = LittleEndian.read(theirs, 0, SqlServerTemporal.TIME_LENGTH);
            long ourUnits = LittleEndian.read(ours, 0, SqlServerTemporal.TIME_LENGTH);
            assertTrue(ourUnits < UNITS_OF_24_HOURS, () -> label + ": hibernate-ae wrote a time of 24:00 or later");
            if (theirUnits == UNITS_OF_24_HOURS) {
                assertEquals(codec.decode(ours), codec.decode(theirs),
                        () -> label + ": mssql-jdbc's 24:00:00 cell reads as the value hibernate-ae writes");
                tally.mssqlWrote24Hours++;
            } else if (scale >= 3 && scale < 7 && ourUnits == NANOS_PER_DAY / nanosPerUnit(scale)) {
                assertFalse(Arrays.equals(theirs, ours), () -> label + ": mssql-jdbc no longer "
                        + "misplaces this value; compare it byte for byte");
                tally.mssqlMisplacedEndOfDay++;
            } else {
                assertArrayEquals(theirs, ours, () -> label + ": mssql-jdbc " + HEX.formatHex(theirs)
                        + ", hibernate-ae " + HEX.formatHex(ours));
                tally.identical++;
            }
        }
        return tally;
    }

    @FunctionalInterface
    private interface Mssql<T> {
        byte[] normalize(T value, int scale);
    }

    private static byte[] refusedAsNull(Supplier<byte[]> normalization) {
        try {
            return normalization.get();
        } catch (MssqlDriverNormalization.Refused | UnsupportedPlaintextException e) {
            return null;
        }
    }

    private static <T> PlaintextCodec<T> codec(Class<T> type, int scale) {
        return PlaintextCodecs.forType(type, CodecOptions.DEFAULTS.withFractionalSeconds(scale));
    }

    static long nanosPerUnit(int scale) {
        long unit = 1_000_000_000L;
        for (int i = 0; i < scale; i++) {
            unit /= 10;
        }
        return unit;
    }

    /**
     * Nanoseconds of day around every kind of boundary at the scale: 49, 50 and 51 ns either side of a half unit
     * (where rounding to 100 ns first can carry the value over it) and of a whole unit; the last nanoseconds of the
     * day; and the values at mssql-jdbc's misplaced end-of-day test.
     */
    static List<Long> edgeNanosOfDay(int scale, Random random) {
        long unit = nanosPerUnit(scale);
        List<Long> anchors = new ArrayList<>(List.of(0L, 261_000_000_000L, NANOS_PER_DAY - unit));
        for (int i = 0; i < 3; i++) {
            anchors.add(Math.floorMod(random.nextLong(), NANOS_PER_DAY / unit) * unit);
        }
        List<Long> candidates = new ArrayList<>();
        long[] around = {-51, -50, -49, -1, 0, 1, 49, 50, 51};
        for (long anchor : anchors) {
            for (long delta : around) {
                candidates.add(anchor + unit / 2 + delta);
                candidates.add(anchor + delta);
            }
        }
        for (long beforeMidnight : new long[] {1, 49, 50, 51, 99, 100, 101, unit / 2 - 51, unit / 2 - 50,
                unit / 2 - 49, unit / 2, unit / 2 + 1, unit}) {
            candidates.add(NANOS_PER_DAY - beforeMidnight);
        }
        long misplaced = NANOS_PER_DAY / unit * 100;
        for (long delta : around) {
            candidates.add(misplaced + delta);
            candidates.add(misplaced - unit / 2 + delta);
        }
        return candidates.stream().filter(n -> n >= 0 && n < NANOS_PER_DAY).distinct().toList();
    }

    /** Uniform over the day, or within 120 ns of a half unit or of a whole unit at the scale. */
    static long randomNanosOfDay(Random random, int scale) {
        long unit = nanosPerUnit(scale);
        long nanos;
        switch (random.nextInt(3)) {
            case 0 -> nanos = Math.floorMod(random.nextLong(), NANOS_PER_DAY);
            case 1 -> nanos = Math.floorMod(random.nextLong(), NANOS_PER_DAY / unit) * unit + unit / 2
                    + random.nextInt(241) - 120;
            default -> nanos = Math.floorMod(random.nextLong(), NANOS_PER_DAY / unit) * unit
                    + random.nextInt(241) - 120;
        }
        return Math.floorMod(nanos, NANOS_PER_DAY);
    }

    /** A date from {@code from} to 9999-12-31, never one of the ten dates the Gregorian cutover dropped. */
    static LocalDate randomDate(Random random, LocalDate from) {
        long first = from.toEpochDay();
        LocalDate date = LocalDate.ofEpochDay(first + Math.floorMod(random.nextLong(),
                MAX_DATE.toEpochDay() - first + 1));
        boolean dropped = !date.isBefore(LocalDate.of(1582, 10, 5)) && date.isBefore(GREGORIAN_CUTOVER);
        return dropped ? GREGORIAN_CUTOVER : date;
    }
}
