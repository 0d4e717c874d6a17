package dev.hibernateae.internal.search.range;

import java.math.BigInteger;
import java.time.LocalDate;

/**
 * {@code LocalDate} on the grid of days: a date's index is its epoch day. Natural bounds are 0001-01-01 and
 * 9999-12-31, the range SQL dates share (22 bits); wider declared bounds are accepted, up to the type's own limits.
 * The declared unit does not apply to dates.
 */
final class LocalDateGrid implements Grid<LocalDate> {

    @Override
    public Class<LocalDate> javaType() {
        return LocalDate.class;
    }

    @Override
    public LocalDate parse(String text) {
        return LocalDate.parse(text);
    }

    @Override
    public String expectedForm() {
        return "an ISO date such as 2024-01-31";
    }

    @Override
    public LocalDate naturalMin() {
        return LocalDate.of(1, 1, 1);
    }

    @Override
    public LocalDate naturalMax() {
        return LocalDate.of(9999, 12, 31);
    }

    @Override
    public int compare(LocalDate a, LocalDate b) {
        return a.compareTo(b);
    }

    @Override
    public boolean isOnGrid(LocalDate value) {
        return true;
    }

    @Override
    public BigInteger floorIndex(LocalDate value) {
        return BigInteger.valueOf(value.toEpochDay());
    }

    @Override
    public String granularity() {
        return "day";
    }

    @Override
    public String narrowingAdvice() {
        return "declare min and max closer together";
    }
}
