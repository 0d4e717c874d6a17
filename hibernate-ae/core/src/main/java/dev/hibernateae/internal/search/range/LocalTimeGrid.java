package dev.hibernateae.internal.search.range;

import java.math.BigInteger;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * {@code LocalTime} on the grid of a time unit: a time's index is its nano of day divided by the unit's length.
 * Natural bounds are the whole day, midnight to the last unit before the next midnight (37 bits at MICROS, 47 at
 * NANOS).
 */
final class LocalTimeGrid implements Grid<LocalTime> {
    private final ChronoUnit unit;
    private final long unitNanos;

    LocalTimeGrid(ChronoUnit unit) {
        this.unit = unit;
        this.unitNanos = unit.getDuration().toNanos();
    }

    @Override
    public Class<LocalTime> javaType() {
        return LocalTime.class;
    }

    @Override
    public LocalTime parse(String text) {
        return LocalTime.parse(text);
    }

    @Override
    public String expectedForm() {
        return "an ISO time such as 08:30 or 23:59:59.999999";
    }

    @Override
    public LocalTime naturalMin() {
        return LocalTime.MIN;
    }

    @Override
    public LocalTime naturalMax() {
        return LocalTime.MAX;
    }

    @Override
    public int compare(LocalTime a, LocalTime b) {
        return a.compareTo(b);
    }

    @Override
    public boolean isOnGrid(LocalTime value) {
        return value.toNanoOfDay() % unitNanos == 0;
    }

    @Override
    public BigInteger floorIndex(LocalTime value) {
        return BigInteger.valueOf(value.toNanoOfDay() / unitNanos);
    }

    @Override
    public String granularity() {
        return "unit " + unit.name();
    }

    @Override
    public String narrowingAdvice() {
        return "declare min and max closer together";
    }
}
