package dev.hibernateae.internal.search.range;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Points on a time line ({@code LocalDateTime}, {@code Instant}, {@code OffsetDateTime}) on the grid of a time unit:
 * a value's index is the number of units since 1970-01-01T00:00 (UTC for the two with an instant), rounded down.
 * {@code OffsetDateTime} values compare by instant ({@code isBefore}, {@code isAfter}, {@code isEqual}), so the same
 * instant at two offsets is one value.
 *
 * <p>Natural bounds are 0001-01-01T00:00 to 9999-12-31T23:59:59.999999999 (UTC for the two with an instant), the
 * last unit of that second at coarser units: 39 bits at SECONDS, 49 at MILLIS, 59 at MICROS. At NANOS those ten
 * thousand years need 69 bits, more than a code has, so NANOS needs declared bounds at most about 584 years apart.
 *
 * @param <T> the Java type, boxed
 */
final class EpochGrid<T> implements Grid<T> {
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    private static final LocalDateTime FIRST = LocalDate.of(1, 1, 1).atStartOfDay();
    private static final LocalDateTime LAST = LocalDate.of(9999, 12, 31).atTime(LocalTime.MAX);

    private final Class<T> javaType;
    private final Function<String, T> parser;
    private final String expectedForm;
    private final T naturalMin;
    private final T naturalMax;
    private final ToLongFunction<T> epochSecond;
    private final ToIntFunction<T> nano;
    private final ChronoUnit unit;
    private final long unitNanos;
    private final BigInteger unitsPerSecond;

    private EpochGrid(Class<T> javaType, Function<String, T> parser, String expectedForm, T naturalMin, T naturalMax,
            ToLongFunction<T> epochSecond, ToIntFunction<T> nano, ChronoUnit unit) {
        this.javaType = javaType;
        this.parser = parser;
        this.expectedForm = expectedForm;
        this.naturalMin = naturalMin;
        this.naturalMax = naturalMax;
        this.epochSecond = epochSecond;
        this.nano = nano;
        this.unit = unit;
        this.unitNanos = unit.getDuration().toNanos();
        this.unitsPerSecond = NANOS_PER_SECOND.divide(BigInteger.valueOf(unitNanos));
    }

    static EpochGrid<LocalDateTime> localDateTime(ChronoUnit unit) {
        return new EpochGrid<>(LocalDateTime.class, LocalDateTime::parse,
                "an ISO local date-time such as 2024-01-31T08:30:00", FIRST, LAST,
                t -> t.toEpochSecond(ZoneOffset.UTC), LocalDateTime::getNano, unit);
    }

    static EpochGrid<Instant> instant(ChronoUnit unit) {
        return new EpochGrid<>(Instant.class, Instant::parse, "an ISO instant such as 2024-01-31T08:30:00Z",
                FIRST.toInstant(ZoneOffset.UTC), LAST.toInstant(ZoneOffset.UTC), Instant::getEpochSecond,
                Instant::getNano, unit);
    }

    static EpochGrid<OffsetDateTime> offsetDateTime(ChronoUnit unit) {
        return new EpochGrid<>(OffsetDateTime.class, OffsetDateTime::parse,
                "an ISO offset date-time such as 2024-01-31T08:30:00+01:00", FIRST.atOffset(ZoneOffset.UTC),
                LAST.atOffset(ZoneOffset.UTC), OffsetDateTime::toEpochSecond, OffsetDateTime::getNano, unit);
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public T parse(String text) {
        return parser.apply(text);
    }

    @Override
    public String expectedForm() {
        return expectedForm;
    }

    @Override
    public T naturalMin() {
        return naturalMin;
    }

    @Override
    public T naturalMax() {
        return naturalMax;
    }

    @Override
    public int compare(T a, T b) {
        int bySecond = Long.compare(epochSecond.applyAsLong(a), epochSecond.applyAsLong(b));
        return bySecond != 0 ? bySecond : Integer.compare(nano.applyAsInt(a), nano.applyAsInt(b));
    }

    @Override
    public boolean isOnGrid(T value) {
        return nano.applyAsInt(value) % unitNanos == 0;
    }

    @Override
    public BigInteger floorIndex(T value) {
        return BigInteger.valueOf(epochSecond.applyAsLong(value)).multiply(unitsPerSecond)
                .add(BigInteger.valueOf(nano.applyAsInt(value) / unitNanos));
    }

    @Override
    public String granularity() {
        return "unit " + unit.name();
    }

    @Override
    public String narrowingAdvice() {
        return unit == ChronoUnit.NANOS
                ? "at unit NANOS 64 bits span about 584 years, not 0001-9999: declare min and max at most that far"
                        + " apart, or use unit MICROS"
                : "declare min and max closer together, or use a coarser unit";
    }
}
