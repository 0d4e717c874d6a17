package dev.hibernateae.internal.search.range;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * Makes the {@link RangeEncoding} of an attribute from its Java type and its {@link RangeBounds}, checking the
 * declaration: this is where a mapping mistake is reported, once, at startup, with a message that names the problem
 * and its fix (the caller prefixes the attribute's name). Declared bounds are schema, not data, so messages quote
 * them.
 */
public final class RangeEncodings {
    /** The time units a time of day may be declared in. */
    private static final Set<ChronoUnit> TIME_UNITS =
            EnumSet.of(ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS);
    private static final String SUPPORTED = "Byte, Short, Integer, Long, BigDecimal, Float, Double, LocalDate,"
            + " LocalTime, LocalDateTime, Instant and OffsetDateTime";

    private RangeEncodings() {
    }

    /**
     * The encoding of {@code javaType} (boxed or primitive) over the declared domain.
     *
     * @throws IllegalArgumentException for an unsupported type or an invalid declaration: an unparseable bound, a
     *     bound finer than the scale or unit or beyond what the type holds, {@code min > max}, a {@code BigDecimal}
     *     without precision, an unsupported unit, a domain needing more than 64 bits
     */
    public static <T> RangeEncoding<T> of(Class<T> javaType, RangeBounds bounds) {
        Grid<T> grid = gridOf(javaType, bounds);
        T min = bounds.min().isEmpty() ? grid.naturalMin() : declared(grid, "min", bounds.min());
        T max = bounds.max().isEmpty() ? grid.naturalMax() : declared(grid, "max", bounds.max());
        if (grid.compare(min, max) > 0) {
            throw new IllegalArgumentException("range min " + describe(bounds.min(), min) + " is greater than max "
                    + describe(bounds.max(), max) + "; declare min <= max");
        }
        GridEncoding<T> encoding = new GridEncoding<>(grid, min, max);
        if (encoding.bits() > 64) {
            throw new IllegalArgumentException("range from " + describe(bounds.min(), min) + " to "
                    + describe(bounds.max(), max) + " at " + grid.granularity() + " has " + encoding.span()
                    + " values, which need " + encoding.bits() + " bits, more than the 64 of a code; "
                    + grid.narrowingAdvice());
        }
        return encoding;
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> gridOf(Class<T> javaType, RangeBounds bounds) {
        Class<?> type = boxed(javaType);
        Grid<?> grid;
        if (type == Byte.class) {
            grid = new IntegralGrid<>(Byte.class, Byte::valueOf, Byte.MIN_VALUE, Byte.MAX_VALUE);
        } else if (type == Short.class) {
            grid = new IntegralGrid<>(Short.class, Short::valueOf, Short.MIN_VALUE, Short.MAX_VALUE);
        } else if (type == Integer.class) {
            grid = new IntegralGrid<>(Integer.class, Integer::valueOf, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (type == Long.class) {
            grid = new IntegralGrid<>(Long.class, Long::valueOf, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (type == BigDecimal.class) {
            grid = decimal(bounds);
        } else if (type == Double.class) {
            grid = new DoubleGrid();
        } else if (type == Float.class) {
            grid = new FloatGrid();
        } else if (type == LocalDate.class) {
            grid = new LocalDateGrid();
        } else if (type == LocalTime.class) {
            grid = new LocalTimeGrid(timeUnit(bounds));
        } else if (type == LocalDateTime.class) {
            grid = EpochGrid.localDateTime(timeUnit(bounds));
        } else if (type == Instant.class) {
            grid = EpochGrid.instant(timeUnit(bounds));
        } else if (type == OffsetDateTime.class) {
            grid = EpochGrid.offsetDateTime(timeUnit(bounds));
        } else {
            throw new IllegalArgumentException("type " + javaType.getName() + " has no range encoding; range search"
                    + " supports " + SUPPORTED + ": map the attribute as one of them or drop range search from it");
        }
        return (Grid<T>) grid;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == byte.class) {
            return Byte.class;
        } else if (type == short.class) {
            return Short.class;
        } else if (type == int.class) {
            return Integer.class;
        } else if (type == long.class) {
            return Long.class;
        } else if (type == float.class) {
            return Float.class;
        } else if (type == double.class) {
            return Double.class;
        }
        return type;
    }

    private static DecimalGrid decimal(RangeBounds bounds) {
        if (bounds.precision() < 1 || bounds.scale() < 0 || bounds.scale() > bounds.precision()) {
            throw new IllegalArgumentException("BigDecimal range search needs the column's precision and scale, but"
                    + " precision is " + bounds.precision() + " and scale " + bounds.scale()
                    + "; declare precision >= 1 and 0 <= scale <= precision (e.g. precision = 12, scale = 2)");
        }
        return new DecimalGrid(bounds.precision(), bounds.scale());
    }

    private static ChronoUnit timeUnit(RangeBounds bounds) {
        if (!TIME_UNITS.contains(bounds.unit())) {
            throw new IllegalArgumentException("range unit " + bounds.unit().name() + " is not supported; declare SECONDS,"
                    + " MILLIS, MICROS or NANOS (NANOS is the finest a Java time holds)");
        }
        return bounds.unit();
    }

    private static <T> T declared(Grid<T> grid, String which, String text) {
        T value;
        try {
            value = grid.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("range " + which + " '" + text + "' is not "
                    + grid.expectedForm() + "; write it in that form or leave it empty for the natural bound");
        }
        if (!grid.isOrdered(value)) {
            throw new IllegalArgumentException("range " + which + " is NaN, which bounds nothing; declare a number"
                    + " or leave it empty for the natural bound");
        }
        if (!grid.holds(value)) {
            throw new IllegalArgumentException("range " + which + " '" + text + "' does not fit "
                    + grid.granularity() + " (at most " + grid.naturalMax() + " in magnitude); raise the precision"
                    + " or bring the bound within it");
        }
        if (!grid.isOnGrid(value)) {
            throw new IllegalArgumentException("range " + which + " '" + text + "' is finer than the declared "
                    + grid.granularity() + "; round the bound to it or declare a finer one");
        }
        return value;
    }

    private static String describe(String text, Object value) {
        return text.isEmpty() ? "(natural) " + value : "'" + text + "'";
    }
}
