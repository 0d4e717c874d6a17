package dev.hibernateae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.testing.PerDatabaseScenarios;
import dev.hibernateae.testing.TestDatabase;
import java.math.BigDecimal;
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
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hibernate.query.SelectionQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Differential test of range searches: random rows of every range type (negative numbers, -0.0, infinities as
 * bounds, NaN as a bound, the domains' edges, offsets from -14:00 to +14:00 for the same instant, nulls), then
 * thousands of random {@code <}, {@code <=}, {@code >}, {@code >=}, {@code BETWEEN}, {@code NOT BETWEEN},
 * {@code NOT}, flipped operands, literals and parameters, with count, paging and {@code exists}, each result
 * compared with Java's comparison of the plaintexts; again after random updates and deletes.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class RangeDifferentialTest extends PerDatabaseScenarios {
    private static final int ROWS = 200;
    private static final int QUERIES = 800;

    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {Measurement.class};
    }

    /** One range attribute: how to read it, draw a value or a bound, and compare as Java does (0 when equal). */
    private record Attr<T>(String name, Function<Measurement, T> get, BiFunction<Measurement, T, Void> set,
            Function<Random, T> stored, Function<Random, T> bound, Comparator<T> order, Function<T, Boolean> ordered) {

        @SuppressWarnings("unchecked")
        boolean test(Measurement row, String op, Object low, Object high) {
            T value = get.apply(row);
            if (value == null) {
                return false;
            }
            if (!ordered.apply(value) || !ordered.apply((T) low) || (high != null && !ordered.apply((T) high))) {
                return op.equals("not between"); // NaN: every comparison is false, so NOT BETWEEN is true
            }
            int c = order.compare(value, (T) low);
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "between" -> c >= 0 && order.compare(value, (T) high) <= 0;
                case "not between" -> !(c >= 0 && order.compare(value, (T) high) <= 0);
                default -> throw new IllegalArgumentException(op);
            };
        }
    }

    private static final Instant EPOCH_MIN = Instant.parse("0001-01-01T00:00:00Z");

    private static final List<Attr<?>> ATTRS = List.of(
            new Attr<Integer>("score", m -> m.score, (m, v) -> { m.score = v; return null; },
                    r -> r.nextInt(2001) - 1000, r -> r.nextInt(2101) - 1050, Integer::compare, v -> true),
            new Attr<Long>("amount", m -> m.amount, (m, v) -> { m.amount = v; return null; },
                    r -> r.nextInt(6) == 0 ? pick(r, Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L) : r.nextLong() / (1L << r.nextInt(63)),
                    r -> r.nextInt(6) == 0 ? pick(r, Long.MIN_VALUE, Long.MAX_VALUE, 0L) : r.nextLong() / (1L << r.nextInt(63)),
                    Long::compare, v -> true),
            new Attr<Short>("grade", m -> m.grade, (m, v) -> { m.grade = v; return null; },
                    r -> (short) (r.nextInt(65536) - 32768), r -> (short) (r.nextInt(65536) - 32768), Short::compare,
                    v -> true),
            new Attr<BigDecimal>("price", m -> m.price, (m, v) -> { m.price = v; return null; },
                    r -> BigDecimal.valueOf(r.nextLong() % 1_000_000_000L, 2),
                    r -> BigDecimal.valueOf(r.nextLong() % 10_000_000_000L, r.nextInt(4)), BigDecimal::compareTo,
                    v -> true),
            new Attr<Double>("ratio", m -> m.ratio, (m, v) -> { m.ratio = v; return null; },
                    r -> pick(r, -0.0, 0.0, r.nextGaussian() * 100, Double.MAX_VALUE, -Double.MIN_VALUE,
                            (double) r.nextInt(5)),
                    r -> pick(r, -0.0, 0.0, r.nextGaussian() * 100, Double.NaN, Double.POSITIVE_INFINITY,
                            Double.NEGATIVE_INFINITY, (double) r.nextInt(5)),
                    (a, b) -> a < b ? -1 : a > b ? 1 : 0, v -> !v.isNaN()),
            new Attr<Float>("weight", m -> m.weight, (m, v) -> { m.weight = v; return null; },
                    r -> pick(r, -0.0f, 0.0f, (float) r.nextGaussian(), Float.MIN_VALUE, (float) r.nextInt(3)),
                    r -> pick(r, -0.0f, 0.0f, (float) r.nextGaussian(), Float.NaN, Float.NEGATIVE_INFINITY,
                            (float) r.nextInt(3)),
                    (a, b) -> a < b ? -1 : a > b ? 1 : 0, v -> !v.isNaN()),
            new Attr<LocalDate>("onDay", m -> m.onDay, (m, v) -> { m.onDay = v; return null; },
                    r -> LocalDate.of(1900, 1, 1).plusDays(r.nextInt(80000)),
                    r -> LocalDate.of(1890, 1, 1).plusDays(r.nextInt(90000)), LocalDate::compareTo, v -> true),
            new Attr<LocalTime>("atTime", m -> m.atTime, (m, v) -> { m.atTime = v; return null; },
                    r -> LocalTime.ofNanoOfDay(r.nextLong(86_400_000L) * 1_000_000L),
                    r -> LocalTime.ofNanoOfDay(r.nextLong(86_400_000_000_000L)), LocalTime::compareTo, v -> true),
            new Attr<LocalDateTime>("stamp", m -> m.stamp, (m, v) -> { m.stamp = v; return null; },
                    r -> LocalDateTime.of(2000, 1, 1, 0, 0).plusSeconds(r.nextLong(3_155_000_000L)),
                    r -> LocalDateTime.of(1999, 1, 1, 0, 0).plusNanos(r.nextLong(3_300_000_000L) * 1_000_000_000L
                            + r.nextInt(3) * 500_000_000L),
                    LocalDateTime::compareTo, v -> true),
            new Attr<Instant>("seenAt", m -> m.seenAt, (m, v) -> { m.seenAt = v; return null; },
                    r -> Instant.parse("1970-01-01T00:00:00Z").plus(r.nextLong(4_000_000_000_000_000L) - 1_000_000_000_000_000L,
                            ChronoUnit.MICROS),
                    r -> r.nextInt(10) == 0 ? EPOCH_MIN : Instant.parse("1970-01-01T00:00:00Z").plusNanos(
                            r.nextLong(4_000_000_000_000_000_000L) - 1_000_000_000_000_000_000L),
                    Instant::compareTo, v -> true),
            new Attr<OffsetDateTime>("moment", m -> m.moment, (m, v) -> { m.moment = v; return null; },
                    r -> OffsetDateTime.ofInstant(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(r.nextInt(100_000)),
                            ZoneOffset.ofTotalSeconds((r.nextInt(113) - 56) * 900)),
                    r -> OffsetDateTime.ofInstant(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(r.nextInt(100_000)),
                            ZoneOffset.ofTotalSeconds((r.nextInt(113) - 56) * 900)),
                    (a, b) -> a.toInstant().compareTo(b.toInstant()), v -> true));

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    @Test
    void rangeSearchesAgreeWithJavaBeforeAndAfterChanges() {
        long seed = Long.getLong("ae.test.seed", System.nanoTime());
        System.out.println("RangeDifferentialTest seed " + seed + " on " + database);
        Random random = new Random(seed);
        sessionFactory.inTransaction(s -> {
            for (int i = 0; i < ROWS; i++) {
                Measurement m = new Measurement();
                for (Attr<?> attr : ATTRS) {
                    fill(attr, m, random);
                }
                m.note = random.nextBoolean() ? "x" : "y";
                s.persist(m);
            }
        });
        check(random, seed);
        sessionFactory.inTransaction(s -> {
            for (Measurement m : s.createSelectionQuery("from Measurement", Measurement.class).getResultList()) {
                switch (random.nextInt(5)) {
                    case 0 -> s.remove(m);
                    case 1 -> fill(ATTRS.get(random.nextInt(ATTRS.size())), m, random);
                    case 2 -> m.note = "z";
                    default -> { }
                }
            }
        });
        check(random, seed);
    }

    private static <T> void fill(Attr<T> attr, Measurement m, Random random) {
        attr.set().apply(m, random.nextInt(10) == 0 ? null : attr.stored().apply(random));
    }

    private void check(Random random, long seed) {
        List<Measurement> rows = sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "from Measurement order by id", Measurement.class).getResultList());
        for (int q = 0; q < QUERIES; q++) {
            Attr<?> attr = ATTRS.get(random.nextInt(ATTRS.size()));
            Object low = sample(attr, rows, random);
            Object high = sample(attr, rows, random);
            String op = pick(random, "<", "<=", ">", ">=", "between", "not between");
            boolean flipped = !op.contains("between") && random.nextBoolean();
            // As in Java, a comparison with a NaN bound is false, and true under NOT (for a non-null attribute).
            boolean not = random.nextInt(5) == 0;
            String path = "m." + attr.name();
            String predicate = op.contains("between") ? path + " " + op + " :lo and :hi"
                    : flipped ? ":lo " + flip(op) + " " + path : path + " " + op + " :lo";
            String where = not ? "not (" + predicate + ")" : predicate;
            List<Long> expected = new ArrayList<>();
            for (Measurement row : rows) {
                boolean match = attr.test(row, op, low, op.contains("between") ? high : null);
                boolean known = attr.get().apply(row) != null;
                if (not ? known && !match : match) {
                    expected.add(row.id);
                }
            }
            String context = "seed " + seed + ", query " + q + ": " + where;
            List<Long> actual = switch (random.nextInt(3)) {
                case 0 -> {
                    long count = sessionFactory.fromTransaction(s -> bind(s.createSelectionQuery(
                            "select count(*) from Measurement m where " + where, Long.class), low, high, op)
                            .getSingleResult());
                    assertEquals(expected.size(), count, context);
                    yield expected;
                }
                case 1 -> sessionFactory.fromTransaction(s -> bind(s.createSelectionQuery(
                        "select m.id from Measurement m where exists (select 1 from Measurement m2 where m2.id = m.id"
                                + " and " + where.replace("m.", "m2.") + ") order by m.id", Long.class), low, high, op)
                        .getResultList());
                default -> sessionFactory.fromTransaction(s -> bind(s.createSelectionQuery(
                        "select m.id from Measurement m where " + where + " order by m.id", Long.class), low, high, op)
                        .getResultList());
            };
            assertEquals(expected, actual, context);
        }
    }

    private static <R> SelectionQuery<R> bind(SelectionQuery<R> query, Object low, Object high, String op) {
        query.setParameter("lo", low);
        return op.contains("between") ? query.setParameter("hi", high) : query;
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            default -> "<=";
        };
    }

    /** A bound: a stored value (or a neighbour of the domain's edges) half of the time, a random bound else. */
    private static Object sample(Attr<?> attr, List<Measurement> rows, Random random) {
        if (random.nextBoolean() && !rows.isEmpty()) {
            Object value = attr.get().apply(rows.get(random.nextInt(rows.size())));
            if (value != null) {
                return value;
            }
        }
        return attr.bound().apply(random);
    }
}
