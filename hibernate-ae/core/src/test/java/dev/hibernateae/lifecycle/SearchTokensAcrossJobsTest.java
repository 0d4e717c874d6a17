package dev.hibernateae.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.crypto.SearchTokenHash;
import dev.hibernateae.internal.keys.KeyRing;
import dev.hibernateae.internal.lifecycle.LifecycleTestSupport;
import dev.hibernateae.internal.search.SearchScheme;
import dev.hibernateae.search.Measurement;
import dev.hibernateae.search.Person;
import dev.hibernateae.testing.DriverManagerDataSource;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rotating the key of searchable attributes derives their tokens again, in the batches that re-encrypt their cells:
 * afterwards every search is exact and no token under the old key is left; a batch that fails takes its cells and
 * its tokens back together, and the rerun completes; a token spec that a database administrator changed or deleted
 * stops the job before anything is announced.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class SearchTokensAcrossJobsTest {
    private static final String PATH = "keys/search";
    private static final String[] NAMES = {"Smith", "Smythe", "Øster", "Ångström", "Sánchez", "Li", "𝔘nicode",
        "O'Brien", "Smi"};
    private static final String[] CITIES = {"Oslo", "Malmö", "Malmo", "São Paulo", "Sao Paulo", "Zürich"};

    @Parameter
    TestDatabase database;

    private final TestRsaProvider keyStore = new TestRsaProvider(TestRsaProvider.NAME, PATH);

    @Test
    void aRotationDerivesTheTokensAgainAndSearchesStayExact() {
        try (TestDatabase.Instance db = database.create(); SessionFactory app = start(db)) {
            List<Person> people = persist(app, 47);
            KeyRing keys = LifecycleTestSupport.runtime(app).keyRing();
            assertTrue(oldSsnTokens(db, keys, people) > 0, "the rows' equality tokens are under cek1 before");

            JobReport report = lifecycle(DriverManagerDataSource.of(db)).rotateEncryptionKey("cek1", "cek1_v2",
                    List.of(), options());
            assertTrue(report.completed(), report.toString());
            LifecycleTestSupport.poll(app);

            assertEquals(0, oldSsnTokens(db, keys, people), "no token under the rotated-out key is left");
            assertSearchesExact(app, people);
        }
    }

    @Test
    void aRotationDerivesRangeTokensAgainAndRangeSearchesStayExact() {
        try (TestDatabase.Instance db = database.create(); SessionFactory app = start(db, Measurement.class)) {
            Random random = new Random(3);
            List<Measurement> rows = new ArrayList<>();
            app.inTransaction(s -> {
                for (int i = 0; i < 40; i++) {
                    Measurement m = new Measurement();
                    m.score = random.nextInt(10) == 0 ? null : random.nextInt(2001) - 1000;
                    m.price = BigDecimal.valueOf(random.nextInt(200_001) - 100_000, 2);
                    m.onDay = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(20_000));
                    s.persist(m);
                    rows.add(m);
                }
            });
            assertTrue(lifecycle(DriverManagerDataSource.of(db)).rotateEncryptionKey("cek1", "cek1_v2", List.of(),
                    options()).completed());
            LifecycleTestSupport.poll(app);
            for (int q = 0; q < 30; q++) {
                int low = random.nextInt(2001) - 1000;
                int high = low + random.nextInt(400);
                checkRange(app, rows, "score between :lo and :hi", low, high,
                        m -> m.score != null && m.score >= low && m.score <= high);
                BigDecimal price = BigDecimal.valueOf(random.nextInt(200_001) - 100_000, 2);
                checkRange(app, rows, "price >= :lo and price < :hi", price, price.add(BigDecimal.valueOf(400)),
                        m -> m.price.compareTo(price) >= 0 && m.price.compareTo(price.add(BigDecimal.valueOf(400))) < 0);
                LocalDate day = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(20_000));
                checkRange(app, rows, "onDay > :lo and onDay <= :hi", day, day.plusDays(3000),
                        m -> m.onDay.isAfter(day) && !m.onDay.isAfter(day.plusDays(3000)));
            }
        }
    }

    private static void checkRange(SessionFactory app, List<Measurement> rows, String where, Object low, Object high,
            Predicate<Measurement> expected) {
        Set<Long> want = new TreeSet<>();
        rows.stream().filter(expected).forEach(m -> want.add(m.id));
        List<Long> found = app.fromTransaction(s -> s.createSelectionQuery("select id from Measurement where "
                + where, Long.class).setParameter("lo", low).setParameter("hi", high).getResultList());
        assertEquals(want, new TreeSet<>(found), where + " with " + low + " and " + high);
    }

    @Test
    void aFailedBatchKeepsItsCellsAndTokensTogetherAndTheRerunCompletes() {
        try (TestDatabase.Instance db = database.create(); SessionFactory app = start(db)) {
            List<Person> people = persist(app, 30);
            KeyRing keys = LifecycleTestSupport.runtime(app).keyRing();
            long before = count(db, "select count(*) from Person_hae_tokens");
            AtomicInteger tokenWrites = new AtomicInteger();
            // The first batch's cells are rewritten, then every attempt to write its tokens fails.
            DataSource failing = failingTokenWrites(DriverManagerDataSource.of(db), tokenWrites);
            assertThrows(AlwaysEncryptedException.class, () -> lifecycle(failing).rotateEncryptionKey("cek1",
                    "cek1_v2", List.of(), options()));
            assertTrue(tokenWrites.get() >= 1, "the job reached the token writes");
            assertEquals(before, count(db, "select count(*) from Person_hae_tokens"), "no token row changed");
            assertEquals(people.size(), oldSsnTokens(db, keys, people), "every row keeps its cek1 tokens");
            assertEquals(people.size(), count(db, "select count(*) from Person"), "no row lost");

            // Searches while the rotation is half done look for the tokens of both keys.
            LifecycleTestSupport.poll(app);
            assertSearchesExact(app, people);
            AtomicInteger batches = new AtomicInteger();
            JobReport partial = lifecycle(DriverManagerDataSource.of(db)).rotateEncryptionKey("cek1", "cek1_v2",
                    List.of(), options().withCancelled(() -> batches.incrementAndGet() > 3));
            assertFalse(partial.completed(), partial.toString());
            long old = oldSsnTokens(db, keys, people);
            assertTrue(old > 0 && old < people.size(), "some rows' tokens are under each key: " + old);
            Person written = new Person(people.get(0).ssn, "Smithers", "Oslo", 2, "late");
            app.inTransaction(s -> s.persist(written));
            people.add(written);
            assertSearchesExact(app, people);

            assertTrue(lifecycle(DriverManagerDataSource.of(db)).rotateEncryptionKey("cek1", "cek1_v2", List.of(),
                    options()).completed());
            LifecycleTestSupport.poll(app);
            assertEquals(0, oldSsnTokens(db, keys, people));
            assertSearchesExact(app, people);
        }
    }

    @Test
    void aChangedOrMissingTokenSpecStopsTheJobBeforeItAnnouncesAnything() {
        try (TestDatabase.Instance db = database.create(); SessionFactory app = start(db)) {
            persist(app, 3);
            String spec = string(db, "select spec from hae_search_tables where table_name = 'person'");
            assertTrue(spec.contains("equality=8"), spec);
            // Contention 1 would give equal mrn values equal tokens, which the mapping does not allow.
            LifecycleTestSupport.execute(db, "update hae_search_tables set spec = ?", spec.replace("equality=8",
                    "equality=1"));
            KeyLifecycle lifecycle = lifecycle(DriverManagerDataSource.of(db));
            AlwaysEncryptedException tampered = assertThrows(AlwaysEncryptedException.class,
                    () -> lifecycle.rotateEncryptionKey("cek1", "cek1_v2", List.of(), options()));
            assertTrue(tampered.getMessage().contains("does not authenticate"), tampered.getMessage());

            LifecycleTestSupport.execute(db, "delete from hae_search_tables");
            AlwaysEncryptedException missing = assertThrows(AlwaysEncryptedException.class,
                    () -> lifecycle.rotateEncryptionKey("cek1", "cek1_v2", List.of(), options()));
            assertTrue(missing.getMessage().contains("no registered token spec"), missing.getMessage());
            assertEquals(List.of(), lifecycle.status().rotations(), "nothing was announced");
        }
    }

    @Test
    void theJobReadsTheTokenSpecAgainWhenItStartsRewriting() throws Exception {
        try (TestDatabase.Instance db = database.create(); SessionFactory app = start(db)) {
            List<Person> people = persist(app, 10);
            KeyRing keys = LifecycleTestSupport.runtime(app).keyRing();
            // The spec verifies when the rotation is prepared, then is gone by the time the job starts rewriting.
            java.util.concurrent.CompletableFuture<JobReport> rotation = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> lifecycle(DriverManagerDataSource.of(db)).rotateEncryptionKey("cek1",
                            "cek1_v2", List.of(), options().withWaitBeforeRewrite(Duration.ofSeconds(2))));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (count(db, "select count(*) from hae_key_rotations") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            LifecycleTestSupport.execute(db, "delete from hae_search_tables");
            java.util.concurrent.ExecutionException failed = assertThrows(
                    java.util.concurrent.ExecutionException.class, rotation::get);
            assertTrue(failed.getCause().getMessage().contains("no registered token spec"),
                    failed.getCause().getMessage());
            assertEquals(people.size(), oldSsnTokens(db, keys, people), "no row was rewritten");

            // The application registers its spec again when it sees the rotation; the rerun completes.
            LifecycleTestSupport.poll(app);
            assertTrue(lifecycle(DriverManagerDataSource.of(db)).rotateEncryptionKey("cek1", "cek1_v2", List.of(),
                    options()).completed());
            LifecycleTestSupport.poll(app);
            assertSearchesExact(app, people);
        }
    }

    @Test
    void aRebuildDerivesEveryRowsTokensAgainAfterWritesAroundTheApplication() {
        try (TestDatabase.Instance db = database.create(); SessionFactory app = start(db)) {
            List<Person> people = persist(app, 30);
            Person lost = people.get(0);
            Person source = people.stream().filter(p -> !p.ssn.equals(lost.ssn)).findFirst().orElseThrow();
            Person impostor = people.stream().filter(p -> !p.ssn.equals(source.ssn) && p != lost).findFirst()
                    .orElseThrow();
            // As native SQL would leave them: one row without tokens, another with a third row's tokens too.
            LifecycleTestSupport.execute(db, "delete from Person_hae_tokens where owner_id = ?", lost.id);
            LifecycleTestSupport.execute(db, "insert into Person_hae_tokens (token, owner_id) select token, ? from "
                    + "Person_hae_tokens where owner_id = ? and token not in (select token from Person_hae_tokens "
                    + "where owner_id = ?)", impostor.id, source.id, impostor.id);
            List<Long> wrong = app.fromTransaction(s -> s.createSelectionQuery("select id from Person where ssn = :v",
                    Long.class).setParameter("v", source.ssn).getResultList());
            assertTrue(wrong.contains(impostor.id), "the copied tokens make a row match a value it does not hold");

            KeyLifecycle lifecycle = lifecycle(DriverManagerDataSource.of(db));
            JobReport report = lifecycle.rebuildSearchTokens("Person", options());
            assertTrue(report.completed(), report.toString());
            assertEquals(people.size(), report.rowsWalked());
            assertEquals(0, report.rewritten(), "no cell is rewritten");
            assertSearchesExact(app, people);
            check(app, people, "ssn = :v", lost.ssn, p -> p.ssn.equals(lost.ssn));

            LifecycleTestSupport.execute(db, "delete from hae_search_tables");
            AlwaysEncryptedException refused = assertThrows(AlwaysEncryptedException.class,
                    () -> lifecycle.rebuildSearchTokens("Person", options()));
            assertTrue(refused.getMessage().contains("no token spec"), refused.getMessage());
        }
    }

    private SessionFactory start(TestDatabase.Instance db) {
        return start(db, Person.class);
    }

    private SessionFactory start(TestDatabase.Instance db, Class<?> entity) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(EncryptionSettings.PROVIDERS, List.of(keyStore));
        settings.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH);
        settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H");
        settings.put("hibernate.hbm2ddl.auto", "create");
        SessionFactory app = TestSessionFactories.build(db, null, settings, entity);
        ColumnKeyAdministration admin = ColumnKeyAdministration.builder().sessionFactory(app).build();
        admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1").provider(TestRsaProvider.NAME).keyPath(PATH));
        for (String key : List.of("cek1", "cek1_v2", "cek2")) {
            admin.createColumnEncryptionKey(key, "cmk1");
        }
        LifecycleTestSupport.poll(app);
        return app;
    }

    private KeyLifecycle lifecycle(DataSource dataSource) {
        return KeyLifecycle.builder().dataSource(dataSource)
                .settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH)).provider(keyStore).build();
    }

    private static JobOptions options() {
        return JobOptions.DEFAULTS.withWaitBeforeRewrite(Duration.ZERO).withBatchSize(7);
    }

    private static List<Person> persist(SessionFactory app, int count) {
        Random random = new Random(count);
        List<Person> people = new ArrayList<>();
        app.inTransaction(s -> {
            for (int i = 0; i < count; i++) {
                Person person = new Person("ssn-" + random.nextInt(count / 3 + 1), NAMES[random.nextInt(NAMES.length)],
                        CITIES[random.nextInt(CITIES.length)], random.nextInt(5) - 2, "n" + i);
                s.persist(person);
                people.add(person);
            }
        });
        return people;
    }

    private static void assertSearchesExact(SessionFactory app, List<Person> people) {
        for (Person probe : people.subList(0, Math.min(12, people.size()))) {
            check(app, people, "ssn = :v", probe.ssn, p -> p.ssn.equals(probe.ssn));
            check(app, people, "upper(lastName) = upper(:v)", probe.lastName.toLowerCase(Locale.ROOT),
                    p -> p.lastName.equalsIgnoreCase(probe.lastName));
            String prefix = probe.lastName.substring(0, probe.lastName.offsetByCodePoints(0, 2));
            check(app, people, "lastName like :v", prefix + "%", p -> p.lastName.startsWith(prefix));
            String suffix = probe.lastName.substring(probe.lastName.offsetByCodePoints(probe.lastName.length(), -2));
            check(app, people, "lastName like :v", "%" + suffix, p -> p.lastName.endsWith(suffix));
            check(app, people, "mrn = :v", probe.mrn, p -> p.mrn.equals(probe.mrn));
        }
        check(app, people, "upper(city) = upper(:v)", "sao paulo", p -> p.city.startsWith("S"));
    }

    private static void check(SessionFactory app, List<Person> people, String where, Object value,
            Predicate<Person> expected) {
        Set<Long> want = new TreeSet<>();
        people.stream().filter(expected).forEach(p -> want.add(p.id));
        List<Long> found = app.fromTransaction(s -> s.createSelectionQuery("select id from Person where " + where,
                Long.class).setParameter("v", value).getResultList());
        Set<Long> got = new TreeSet<>(found);
        assertEquals(want, got, where);
        assertFalse(want.isEmpty(), where + " finds its probe");
    }

    /** How many rows have one of the equality tokens of their ssn under cek1. */
    private static long oldSsnTokens(TestDatabase.Instance db, KeyRing keys, List<Person> people) {
        SearchTokenHash hash = keys.columnKey("cek1").searchTokens(SearchScheme.EQUALITY.purpose("person.ssn"));
        Set<String> stored = new HashSet<>();
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement(
                "select owner_id, token from Person_hae_tokens"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                stored.add(rows.getLong(1) + ":" + HexFormat.of().formatHex(rows.getBytes(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long found = 0;
        for (Person person : people) {
            byte[] plaintext = person.ssn.getBytes(StandardCharsets.UTF_16LE);
            for (int variant = 0; variant < 4; variant++) {
                if (stored.contains(person.id + ":" + HexFormat.of().formatHex(hash.token(plaintext, variant)))) {
                    found++;
                    break;
                }
            }
        }
        return found;
    }

    private static long count(TestDatabase.Instance db, String sql) {
        return Long.parseLong(string(db, sql));
    }

    private static String string(TestDatabase.Instance db, String sql) {
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A data source whose connections fail every batch of token inserts, counting the attempts. */
    private static DataSource failingTokenWrites(DataSource real, AtomicInteger attempts) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    return result instanceof Connection connection ? failing(connection, attempts) : result;
                });
    }

    private static Connection failing(Connection real, AtomicInteger attempts) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                            && sql.toLowerCase(Locale.ROOT).startsWith("insert into person_hae_tokens")) {
                        PreparedStatement statement = (PreparedStatement) result;
                        return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                                    if (m.getName().equals("executeBatch")) {
                                        attempts.incrementAndGet();
                                        throw new SQLException("token write failed (test)", "08006");
                                    }
                                    return invoke(statement, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
