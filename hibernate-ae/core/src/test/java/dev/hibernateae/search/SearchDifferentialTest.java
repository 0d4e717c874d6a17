package dev.hibernateae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.internal.search.TextFolding;
import dev.hibernateae.testing.PerDatabaseScenarios;
import dev.hibernateae.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;
import org.hibernate.query.SelectionQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Differential test of token searches: a random data set, then thousands of random searches, each result compared
 * with the same predicate evaluated in Java on the plaintexts, on every database; then the same after random
 * updates and deletes. Strings mix case, accents (precomposed and combining), {@code ß}, characters outside the BMP,
 * and the LIKE wildcards themselves (escaped in patterns).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class SearchDifferentialTest extends PerDatabaseScenarios {
    private static final String[] ALPHABET = {"a", "b", "A", "B", "é", "É", "e\u0301", "ß", "S", "s", "😀", "𝔸",
        "z", " ", "%", "_", "\\"};
    private static final int ROWS = 300;
    private static final int QUERIES = 1500;

    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {Person.class};
    }

    private record Row(Long id, String ssn, String lastName, String city, Integer mrn, String note) {
    }

    @Test
    void tokenSearchesAgreeWithJavaBeforeAndAfterChanges() {
        long seed = Long.getLong("ae.test.seed", System.nanoTime());
        System.out.println("SearchDifferentialTest seed " + seed + " on " + database);
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        sessionFactory.inTransaction(s -> {
            for (int i = 0; i < ROWS; i++) {
                Person p = new Person(maybe(random, "ssn-" + random.nextInt(40)), maybe(random, text(random, 9)),
                        maybe(random, text(random, 6)), random.nextInt(10) == 0 ? null
                                : random.nextInt(5) == 0 ? pick(random, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1)
                                        : random.nextInt(61) - 30,
                        random.nextBoolean() ? "x" : "y");
                s.persist(p);
                rows.add(null);
                rows.set(i, new Row(null, p.ssn, p.lastName, p.city, p.mrn, p.note));
            }
        });
        reload(rows);
        check(rows, random, seed);

        sessionFactory.inTransaction(s -> {
            for (int i = 0; i < rows.size(); i += 1 + random.nextInt(4)) {
                Person p = s.find(Person.class, rows.get(i).id());
                switch (random.nextInt(4)) {
                    case 0 -> s.remove(p);
                    case 1 -> p.lastName = maybe(random, text(random, 9));
                    case 2 -> p.ssn = maybe(random, "ssn-" + random.nextInt(40));
                    default -> p.note = "z";
                }
            }
        });
        reload(rows);
        check(rows, random, seed);
    }

    private void reload(List<Row> rows) {
        rows.clear();
        sessionFactory.inTransaction(s -> s.createSelectionQuery("from Person order by id", Person.class)
                .getResultList().forEach(p -> rows.add(new Row(p.id, p.ssn, p.lastName, p.city, p.mrn, p.note))));
    }

    private void check(List<Row> rows, Random random, long seed) {
        for (int q = 0; q < QUERIES; q++) {
            Search search = search(rows, random);
            List<Long> expected = rows.stream().filter(search.oracle()).map(Row::id).toList();
            String where = search.hql();
            String context = "seed " + seed + ", query " + q + ": " + where;
            switch (random.nextInt(4)) {
                case 0 -> assertEquals((long) expected.size(), (long) sessionFactory.fromTransaction(s ->
                        bind(s.createSelectionQuery("select count(*) from Person p where " + where, Long.class),
                                search).getSingleResult()), context);
                case 1 -> {
                    int first = random.nextInt(5);
                    int max = 1 + random.nextInt(6);
                    List<Long> page = expected.subList(Math.min(first, expected.size()),
                            Math.min(first + max, expected.size()));
                    assertEquals(page, sessionFactory.fromTransaction(s -> bind(s.createSelectionQuery(
                            "select p.id from Person p where " + where + " order by p.id", Long.class), search)
                            .setFirstResult(first).setMaxResults(max).getResultList()), context);
                }
                case 2 -> assertEquals(expected, sessionFactory.fromTransaction(s -> bind(s.createSelectionQuery(
                        "select p.id from Person p where exists (select 1 from Person p2 where p2.id = p.id and "
                                + where.replace("p.", "p2.") + ") order by p.id", Long.class), search)
                        .getResultList()), context);
                default -> assertEquals(expected, sessionFactory.fromTransaction(s -> bind(s.createSelectionQuery(
                        "select p.id from Person p where " + where + " order by p.id", Long.class), search)
                        .getResultList()), context);
            }
        }
    }

    private record Search(String hql, Object value, Predicate<Row> oracle) {
    }

    private static <R> SelectionQuery<R> bind(SelectionQuery<R> query, Search search) {
        return search.hql().contains(":v") ? query.setParameter("v", search.value()) : query;
    }

    private static Search search(List<Row> rows, Random random) {
        Row sample = rows.get(random.nextInt(rows.size()));
        boolean orNote = random.nextInt(5) == 0;
        Search search = switch (random.nextInt(10)) {
            case 0 -> {
                String v = random.nextBoolean() && sample.ssn() != null ? sample.ssn() : "ssn-" + random.nextInt(45);
                yield random.nextBoolean() ? new Search("p.ssn = :v", v, r -> v.equals(r.ssn()))
                        : new Search("p.ssn <> :v", v, r -> r.ssn() != null && !v.equals(r.ssn()));
            }
            case 1 -> {
                Integer v = random.nextBoolean() && sample.mrn() != null ? sample.mrn() : random.nextInt(70) - 35;
                yield new Search("not (p.mrn = :v)", v, r -> r.mrn() != null && !v.equals(r.mrn()));
            }
            case 2, 3 -> {
                String v = variant(random, sample.lastName() != null ? sample.lastName() : text(random, 5));
                String f = random.nextBoolean() ? "upper" : "lower";
                String folded = TextFolding.fold(v, false);
                yield random.nextInt(4) == 0
                        ? new Search(f + "(p.lastName) <> " + f + "(:v)", v, r -> r.lastName() != null
                                && !TextFolding.fold(r.lastName(), false).equals(folded))
                        : new Search(f + "(p.lastName) = " + f + "(:v)", v, r -> r.lastName() != null
                                && TextFolding.fold(r.lastName(), false).equals(folded));
            }
            case 4 -> {
                String v = variant(random, sample.city() != null ? sample.city() : text(random, 4));
                String folded = TextFolding.fold(v, true);
                yield new Search("upper(p.city) = upper(:v)", v, r -> r.city() != null
                        && TextFolding.fold(r.city(), true).equals(folded));
            }
            case 5, 6 -> {
                String source = sample.lastName() != null && sample.lastName().length() > 0 ? sample.lastName()
                        : text(random, 6) + "a";
                int length = source.codePointCount(0, source.length());
                int k = 1 + random.nextInt(Math.min(5, length));
                String prefix = source.substring(0, source.offsetByCodePoints(0, k));
                boolean not = random.nextInt(3) == 0;
                Predicate<Row> matches = r -> r.lastName() != null && r.lastName().startsWith(prefix);
                yield new Search("p.lastName " + (not ? "not " : "") + "like :v escape '\\'", escape(prefix) + "%",
                        not ? r -> r.lastName() != null && !matches.test(r) : matches);
            }
            default -> {
                String source = sample.lastName() != null && sample.lastName().codePointCount(0,
                        sample.lastName().length()) >= 2 ? sample.lastName() : text(random, 6) + "ab";
                int length = source.codePointCount(0, source.length());
                int k = 2 + random.nextInt(Math.min(3, length - 1));
                String suffix = source.substring(source.offsetByCodePoints(source.length(), -k));
                boolean not = random.nextInt(3) == 0;
                Predicate<Row> matches = r -> r.lastName() != null && r.lastName().endsWith(suffix);
                yield not ? new Search("not (p.lastName like :v escape '\\')", "%" + escape(suffix),
                        r -> r.lastName() != null && !matches.test(r))
                        : new Search("p.lastName like :v escape '\\'", "%" + escape(suffix), matches);
            }
        };
        if (orNote) {
            Predicate<Row> inner = search.oracle();
            return new Search("(" + search.hql() + " or p.note = 'z')", search.value(),
                    r -> inner.test(r) || Objects.equals(r.note(), "z"));
        }
        return search;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The value, or the value with its case changed, or another value. */
    private static String variant(Random random, String value) {
        return switch (random.nextInt(4)) {
            case 0 -> value.toUpperCase(java.util.Locale.ROOT);
            case 1 -> value.toLowerCase(java.util.Locale.ROOT);
            case 2 -> text(random, 4);
            default -> value;
        };
    }

    private static String text(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    private static <T> T maybe(Random random, T value) {
        return random.nextInt(8) == 0 ? null : value;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
