package dev.hibernateae.internal.search.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * LocalDate, LocalTime, LocalDateTime, Instant and OffsetDateTime at every unit, natural and declared bounds, against
 * {@code compareTo} (by instant for OffsetDateTime: {@code isBefore}, {@code isEqual}): values on the unit's grid
 * are stored, query bounds are anywhere (finer than the unit, a unit or a nanosecond either side of stored values,
 * beyond the bounds, the types' MIN and MAX, the same instant at other offsets).
 */
class RangeEncodingTimeTest {
    private static final ChronoUnit[] UNITS = {ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS,
        ChronoUnit.NANOS};
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private final Random random = new Random(RangeOracle.SEED);

    @Test
    void localDatesAgainstJava() {
        String[][] declarations = {{"", ""}, {"2000-01-01", "2000-12-31"}, {"2024-02-29", "2024-02-29"},
            {"-5000-01-01", "+20000-06-30"}};
        for (String[] declared : declarations) {
            RangeEncoding<LocalDate> encoding = RangeEncodings.of(LocalDate.class,
                    new RangeBounds(declared[0], declared[1], 0, 0, null));
            LocalDate min = declared[0].isEmpty() ? LocalDate.of(1, 1, 1) : LocalDate.parse(declared[0]);
            LocalDate max = declared[1].isEmpty() ? LocalDate.of(9999, 12, 31) : LocalDate.parse(declared[1]);
            long span = max.toEpochDay() - min.toEpochDay();
            assertEquals(64 - Long.numberOfLeadingZeros(span), encoding.bits());
            List<LocalDate> stored = new ArrayList<>(List.of(min, max));
            List<LocalDate> bounds = new ArrayList<>(List.of(LocalDate.MIN, LocalDate.MAX, min.minusDays(1),
                    max.plusDays(1), LocalDate.of(0, 12, 31), LocalDate.of(10000, 1, 1)));
            for (int i = 0; i < 150; i++) {
                LocalDate v = min.plusDays(span == 0 ? 0 : Math.floorMod(random.nextLong(), span + 1));
                stored.add(v);
                bounds.add(v);
                bounds.add(v.plusDays(1));
                bounds.add(v.minusDays(1));
            }
            new RangeOracle<>("LocalDate " + min + ".." + max, encoding,
                    RangeOracle.Order.of(Comparator.<LocalDate>naturalOrder()), random).check(stored, bounds,
                    min.equals(max));
        }
        assertEquals(22, RangeEncodings.of(LocalDate.class, RangeBounds.natural()).bits());
    }

    @Test
    void localTimesAgainstJava() {
        for (ChronoUnit unit : UNITS) {
            long unitNanos = unit.getDuration().toNanos();
            checkLocalTime(unit, LocalTime.MIN, LocalTime.ofNanoOfDay(LocalTime.MAX.toNanoOfDay() / unitNanos
                    * unitNanos), true);
            checkLocalTime(unit, LocalTime.of(8, 0), LocalTime.of(17, 30, 1), false);
            checkLocalTime(unit, LocalTime.NOON, LocalTime.NOON, false);
        }
        checkLocalTime(ChronoUnit.MILLIS, LocalTime.of(0, 0, 0, 1_000_000), LocalTime.of(23, 59, 59, 999_000_000),
                false);
        checkLocalTime(ChronoUnit.MILLIS, LocalTime.of(10, 0), LocalTime.of(10, 0, 0, 100_000_000), false);
        checkLocalTime(ChronoUnit.SECONDS, LocalTime.of(23, 58), LocalTime.of(23, 59, 59), false);
    }

    private void checkLocalTime(ChronoUnit unit, LocalTime min, LocalTime max, boolean natural) {
        long unitNanos = unit.getDuration().toNanos();
        RangeBounds declared = natural ? new RangeBounds("", "", 0, 0, unit)
                : new RangeBounds(min.toString(), max.toString(), 0, 0, unit);
        RangeEncoding<LocalTime> encoding = RangeEncodings.of(LocalTime.class, declared);
        long first = min.toNanoOfDay() / unitNanos;
        long last = max.toNanoOfDay() / unitNanos;
        assertEquals(64 - Long.numberOfLeadingZeros(last - first), encoding.bits());
        assertEquals(0, encoding.encode(min).getAsLong());
        assertEquals(last - first, encoding.encode(max).getAsLong());
        List<LocalTime> stored = new ArrayList<>(List.of(min, max));
        List<LocalTime> bounds = new ArrayList<>(List.of(LocalTime.MIN, LocalTime.MAX, LocalTime.NOON,
                LocalTime.ofNanoOfDay(1), LocalTime.MAX.minusNanos(1)));
        for (int i = 0; i < 70; i++) {
            LocalTime v = LocalTime.ofNanoOfDay((first + Math.floorMod(random.nextLong(), last - first + 1))
                    * unitNanos);
            stored.add(v);
            bounds.add(v);
            bounds.add(v.plusNanos(unitNanos));
            bounds.add(v.minusNanos(unitNanos));
            bounds.add(v.plusNanos(1));
            bounds.add(v.minusNanos(1));
            bounds.add(LocalTime.ofNanoOfDay(Math.floorMod(random.nextLong(), LocalTime.MAX.toNanoOfDay() + 1)));
        }
        boolean wholeDomain = last - first < 200;
        for (long index = first; wholeDomain && index <= last; index++) {
            stored.add(LocalTime.ofNanoOfDay(index * unitNanos));
        }
        new RangeOracle<>("LocalTime " + unit + " " + min + ".." + max, encoding,
                RangeOracle.Order.of(Comparator.<LocalTime>naturalOrder()), random).check(stored, bounds, wholeDomain);
    }

    @Test
    void localDateTimesAgainstJava() {
        Function<Instant, LocalDateTime> local = i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        List<LocalDateTime> extremes = List.of(LocalDateTime.MIN, LocalDateTime.MAX,
                LocalDateTime.of(0, 12, 31, 23, 59, 59, 999_999_999), LocalDateTime.of(10000, 1, 1, 0, 0));
        checkEveryUnit(LocalDateTime.class, local, RangeOracle.Order.of(Comparator.<LocalDateTime>naturalOrder()),
                extremes);
    }

    @Test
    void instantsAgainstJava() {
        List<Instant> extremes = List.of(Instant.MIN, Instant.MAX, FIRST.minusNanos(1), LAST.plusNanos(1), Instant.EPOCH);
        checkEveryUnit(Instant.class, i -> i, RangeOracle.Order.of(Comparator.<Instant>naturalOrder()), extremes);
    }

    @Test
    void offsetDateTimesCompareByInstantWhateverTheOffset() {
        RangeOracle.Order<OffsetDateTime> byInstant = new RangeOracle.Order<>() {
            @Override
            public boolean lt(OffsetDateTime a, OffsetDateTime b) {
                return a.isBefore(b);
            }

            @Override
            public boolean eq(OffsetDateTime a, OffsetDateTime b) {
                return a.isEqual(b);
            }
        };
        List<OffsetDateTime> extremes = List.of(OffsetDateTime.MIN, OffsetDateTime.MAX,
                FIRST.atOffset(ZoneOffset.ofHours(1)), LAST.atOffset(ZoneOffset.ofHours(-1)),
                OffsetDateTime.of(9999, 12, 31, 23, 0, 0, 0, ZoneOffset.ofHours(-5)));
        checkEveryUnit(OffsetDateTime.class, this::atRandomOffset, byInstant, extremes);

        RangeEncoding<OffsetDateTime> encoding = RangeEncodings.of(OffsetDateTime.class, RangeBounds.natural());
        OffsetDateTime utc = OffsetDateTime.parse("2024-03-01T10:00:00Z");
        OffsetDateTime tokyo = utc.withOffsetSameInstant(ZoneOffset.ofHours(9));
        assertEquals(encoding.encode(utc), encoding.encode(tokyo));
        assertEquals(encoding.interval(RangeEncoding.Op.LT, utc), encoding.interval(RangeEncoding.Op.LT, tokyo));
        // a local date-time inside the natural bounds whose instant is not
        assertThrows(IllegalArgumentException.class,
                () -> encoding.encode(OffsetDateTime.parse("9999-12-31T23:00:00-05:00")));
    }

    private OffsetDateTime atRandomOffset(Instant instant) {
        int seconds = random.nextInt(4) == 0 ? 0 : (random.nextInt(18 * 4 * 2 + 1) - 18 * 4) * 15 * 60;
        return instant.atOffset(ZoneOffset.ofTotalSeconds(seconds));
    }

    /**
     * Natural bounds at SECONDS, MILLIS and MICROS, and declared ones at every unit (NANOS needs them), each with
     * random grid values stored and bounds near them.
     */
    private <T> void checkEveryUnit(Class<T> type, Function<Instant, T> convert, RangeOracle.Order<T> order,
            List<T> extremes) {
        for (ChronoUnit unit : UNITS) {
            if (unit != ChronoUnit.NANOS) {
                checkTimeline(type, unit, FIRST, floor(LAST, unit), true, convert, order, extremes);
            }
            checkTimeline(type, unit, Instant.parse("1900-01-01T00:00:00Z"), Instant.parse("2400-01-01T00:00:00Z"),
                    false, convert, order, extremes);
            Instant instant = floor(Instant.parse("2024-06-15T12:34:56.123456789Z"), unit);
            checkTimeline(type, unit, instant, instant, false, convert, order, extremes);
        }
    }

    private <T> void checkTimeline(Class<T> type, ChronoUnit unit, Instant min, Instant max, boolean natural,
            Function<Instant, T> convert, RangeOracle.Order<T> order, List<T> extremes) {
        RangeBounds declared = natural ? new RangeBounds("", "", 0, 0, unit)
                : new RangeBounds(convert.apply(min).toString(), convert.apply(max).toString(), 0, 0, unit);
        RangeEncoding<T> encoding = RangeEncodings.of(type, declared);
        String label = type.getSimpleName() + " " + unit + " " + min + ".." + max;
        assertEquals(units(max, unit).subtract(units(min, unit)).bitLength(), encoding.bits(), label);
        assertEquals(0, encoding.encode(convert.apply(min)).getAsLong(), label);
        List<T> stored = new ArrayList<>(List.of(convert.apply(min), convert.apply(max)));
        List<T> bounds = new ArrayList<>(extremes);
        long unitNanos = unit.getDuration().toNanos();
        for (int i = 0; i < 60; i++) {
            Instant v = randomInstant(min, max, unit);
            stored.add(convert.apply(v));
            bounds.add(convert.apply(v));
            bounds.add(convert.apply(v.plusNanos(unitNanos)));
            bounds.add(convert.apply(v.minusNanos(unitNanos)));
            bounds.add(convert.apply(v.plusNanos(1)));
            bounds.add(convert.apply(v.minusNanos(1)));
            bounds.add(convert.apply(randomInstant(min.minusSeconds(86_400), max.plusSeconds(86_400),
                    ChronoUnit.NANOS)));
        }
        bounds.add(convert.apply(min.minusNanos(1)));
        bounds.add(convert.apply(max.plusNanos(1)));
        new RangeOracle<>(label, encoding, order, random).check(stored, bounds, min.equals(max));
    }

    /** A random instant in {@code [min, max]} on the grid of {@code unit}; {@code min} must be on it. */
    private Instant randomInstant(Instant min, Instant max, ChronoUnit unit) {
        long seconds = max.getEpochSecond() - min.getEpochSecond();
        Instant v = Instant.ofEpochSecond(min.getEpochSecond() + Math.floorMod(random.nextLong(), seconds + 1),
                random.nextInt(1_000_000_000));
        v = floor(v, unit);
        return v.isAfter(max) ? max : v.isBefore(min) ? min : v;
    }

    private static Instant floor(Instant instant, ChronoUnit unit) {
        long unitNanos = unit.getDuration().toNanos();
        return Instant.ofEpochSecond(instant.getEpochSecond(), instant.getNano() / unitNanos * unitNanos);
    }

    private static BigInteger units(Instant instant, ChronoUnit unit) {
        long unitNanos = unit.getDuration().toNanos();
        return BigInteger.valueOf(instant.getEpochSecond()).multiply(BigInteger.valueOf(1_000_000_000L / unitNanos))
                .add(BigInteger.valueOf(instant.getNano() / unitNanos));
    }

    @Test
    void naturalBoundsFitAtEveryUnitButNanos() {
        assertEquals(39, RangeEncodings.of(Instant.class, new RangeBounds("", "", 0, 0, ChronoUnit.SECONDS)).bits());
        assertEquals(49, RangeEncodings.of(Instant.class, new RangeBounds("", "", 0, 0, ChronoUnit.MILLIS)).bits());
        assertEquals(59, RangeEncodings.of(LocalDateTime.class, RangeBounds.natural()).bits());
        assertEquals(37, RangeEncodings.of(LocalTime.class, RangeBounds.natural()).bits());
        assertEquals(47, RangeEncodings.of(LocalTime.class, new RangeBounds("", "", 0, 0, ChronoUnit.NANOS)).bits());
        assertThrows(IllegalArgumentException.class,
                () -> RangeEncodings.of(Instant.class, new RangeBounds("", "", 0, 0, ChronoUnit.NANOS)));
    }

    @Test
    void storedValuesFinerThanTheUnitOrBeyondTheBoundsAreRefusedWithoutNamingThem() {
        RangeEncoding<Instant> encoding = RangeEncodings.of(Instant.class, RangeBounds.natural());
        Instant finer = Instant.parse("2024-01-31T08:30:00.000000001Z");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoding.encode(finer));
        assertTrue(e.getMessage().contains("finer than the declared unit MICROS"), e.getMessage());
        assertFalse(e.getMessage().contains("2024"), e.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> encoding.encode(Instant.parse("+10000-01-01T00:00:00Z")));
        assertTrue(outside.getMessage().contains("outside the declared range bounds"), outside.getMessage());
        assertFalse(outside.getMessage().contains("10000"), outside.getMessage());
        RangeEncoding<LocalTime> times = RangeEncodings.of(LocalTime.class,
                new RangeBounds("", "", 0, 0, ChronoUnit.SECONDS));
        assertThrows(IllegalArgumentException.class, () -> times.encode(LocalTime.of(10, 0, 0, 1_000_000)));
        assertEquals(86_399, times.encode(LocalTime.of(23, 59, 59)).getAsLong());
        // a bound finer than the unit rounds the right way
        assertEquals(86_399, times.ceilCode(LocalTime.of(23, 59, 58, 1)).getAsLong());
        assertTrue(times.ceilCode(LocalTime.of(23, 59, 59, 1)).isEmpty());
        assertEquals(86_399, times.floorCode(LocalTime.MAX).getAsLong());
    }
}
