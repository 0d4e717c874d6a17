package dev.hibernateae.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.security.model.Citizen;
import dev.hibernateae.testing.DriverManagerDataSource;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Equality queries never miss a row while key rotations come and go: several threads of one application query by
 * value (parameters, lists, literals) while another application writes new rows and the rotation job announces,
 * switches, rewrites and completes, to a new key and back again, over and over. The two applications poll at
 * different intervals, so they see each phase at different moments. A query's SQL shape and every value bound into it come from one
 * lifecycle snapshot, and each phase starts only once every application has seen the one before, so every row that
 * existed when a query started is found, whatever the phase of each application.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class EqualityAcrossLifecycleSwitchesTest {
    private static final String PATH = "keys/switches";
    private static final int ROTATIONS = 6;
    /** The writing application polls often, the querying one seldom: they see each phase at different times. */
    private static final Duration WRITER_POLL = Duration.ofMillis(20);
    private static final Duration READER_POLL = Duration.ofMillis(100);
    /**
     * The job's wait after each announcement: above twice the longest poll interval, as docs/lifecycle.md says, with
     * room for a polling thread that this test's own readers starve of CPU on a 2-core machine (at 300 ms, one CI run
     * in four saw the writer miss a phase).
     */
    private static final Duration WAIT = Duration.ofMillis(1_000);

    @Parameter
    TestDatabase database;

    @Test
    void noQueryMissesARowAcrossManySwitches() throws Exception {
        TestRsaProvider keyStore = new TestRsaProvider(TestRsaProvider.NAME, PATH);
        try (TestDatabase.Instance db = database.create()) {
            try (SessionFactory app = application(db, keyStore, WRITER_POLL, "update")) {
                ColumnKeyAdministration admin = ColumnKeyAdministration.builder().sessionFactory(app).build();
                admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                        .provider(TestRsaProvider.NAME).keyPath(PATH));
                for (String key : List.of("cek1", "cek1_b", "cek_cards")) {
                    admin.createColumnEncryptionKey(key, "cmk1");
                }
                // The keys exist before the second application starts: its startup check loads them.
                try (SessionFactory reader = application(db, keyStore, READER_POLL, "none")) {
                    KeyLifecycle lifecycle = KeyLifecycle.builder().dataSource(DriverManagerDataSource.of(db))
                            .settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH)).provider(keyStore)
                            .build();

                    List<String> committed = new CopyOnWriteArrayList<>();
                    AtomicLong nextId = new AtomicLong();
                    for (int i = 0; i < 60; i++) {
                        insert(app, nextId.incrementAndGet(), committed);
                    }
                    AtomicBoolean stop = new AtomicBoolean();
                    AtomicLong queries = new AtomicLong();
                    List<String> misses = new CopyOnWriteArrayList<>();
                    AtomicReference<Throwable> failure = new AtomicReference<>();
                    List<Thread> threads = new ArrayList<>();
                    threads.add(thread("writer", failure, () -> {
                        while (!stop.get()) {
                            insert(app, nextId.incrementAndGet(), committed);
                            Thread.sleep(5);
                        }
                    }));
                    for (int t = 0; t < 3; t++) {
                        threads.add(thread("reader-" + t, failure, () -> {
                            while (!stop.get()) {
                                query(reader, committed, queries, misses);
                            }
                        }));
                    }
                    threads.forEach(Thread::start);
                    String from = "cek1";
                    JobOptions options = JobOptions.DEFAULTS.withWaitBeforeRewrite(WAIT).withBatchSize(50);
                    List<ColumnRef> columns = List.of(ColumnRef.of("citizen", "ssn"), ColumnRef.of("citizen", "note"));
                    for (int r = 0; r < ROTATIONS && failure.get() == null; r++) {
                        String to = from.equals("cek1") ? "cek1_b" : "cek1";
                        long before = queries.get();
                        JobReport report = lifecycle.rotateEncryptionKey("cek1", to, columns, options);
                        assertTrue(report.completed(), report.toString());
                        assertTrue(queries.get() > before, "queries ran during rotation " + (r + 1));
                        from = to;
                    }
                    stop.set(true);
                    for (Thread thread : threads) {
                        thread.join(30_000);
                    }
                    if (failure.get() != null) {
                        throw new AssertionError("a query or write failed", failure.get());
                    }
                    assertEquals(List.of(), misses,
                            "equality queries that missed an existing row, of " + queries.get());
                    assertTrue(queries.get() > 200, "enough queries ran: " + queries.get());
                    assertEquals(committed.size(), (long) app.fromTransaction(s -> s.createSelectionQuery(
                            "select count(*) from Citizen", Long.class).getSingleResult()));
                }
            }
        }
    }

    /** One running application: its own pool, its own lifecycle watcher polling at {@code poll}. */
    private static SessionFactory application(TestDatabase.Instance db, TestRsaProvider keyStore, Duration poll,
            String schema) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(EncryptionSettings.PROVIDERS, List.of(keyStore));
        settings.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH);
        settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, poll.toString());
        settings.put("hibernate.connection.pool_size", "8");
        settings.put("hibernate.hbm2ddl.auto", schema);
        return TestSessionFactories.build(db, null, settings, Citizen.class);
    }

    private static void insert(SessionFactory app, long id, List<String> committed) {
        String ssn = ssn(id);
        app.inTransaction(s -> s.persist(new Citizen(id, ssn, "note " + id, null, "c" + id)));
        committed.add(ssn);
    }

    /** One equality query on values committed before it started: by parameter, by list, or by literal. */
    private static void query(SessionFactory app, List<String> committed, AtomicLong queries, List<String> misses) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String a = committed.get(random.nextInt(committed.size()));
        String b = committed.get(random.nextInt(committed.size()));
        switch (random.nextInt(3)) {
            case 0 -> {
                List<Citizen> found = app.fromTransaction(s -> s.createSelectionQuery(
                        "from Citizen where ssn = :s", Citizen.class).setParameter("s", a).getResultList());
                if (found.size() != 1 || !found.get(0).ssn.equals(a)) {
                    misses.add("ssn = :s found " + found.size() + " rows");
                }
            }
            case 1 -> {
                long expected = a.equals(b) ? 1 : 2;
                long found = app.fromTransaction(s -> s.createSelectionQuery(
                        "select count(*) from Citizen where ssn in :list", Long.class)
                        .setParameter("list", List.of(a, b)).getSingleResult());
                if (found != expected) {
                    misses.add("ssn in :list found " + found + " of " + expected);
                }
            }
            default -> {
                long found = app.fromTransaction(s -> s.createSelectionQuery(
                        "select count(*) from Citizen where ssn = '" + a + "'", Long.class).getSingleResult());
                if (found != 1) {
                    misses.add("ssn = literal found " + found);
                }
            }
        }
        queries.incrementAndGet();
    }

    private static String ssn(long id) {
        return String.format("%03d-%02d-%04d", id % 1000, id / 1000 % 100, id);
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static Thread thread(String name, AtomicReference<Throwable> failure, Work work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }
}
