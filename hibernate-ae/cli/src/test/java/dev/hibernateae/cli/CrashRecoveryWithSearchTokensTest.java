package dev.hibernateae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.crypto.SearchTokenHash;
import dev.hibernateae.internal.keys.KeyHierarchy;
import dev.hibernateae.internal.keys.KeyRing;
import dev.hibernateae.internal.search.SearchScheme;
import dev.hibernateae.search.Person;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rotation of a key name with searchable attributes is killed with {@code kill -9} again and again, each time
 * shortly after it committed a batch (cells and tokens), while an application keeps changing rows through
 * Hibernate, and resumed each time. On PostgreSQL: afterwards every row's
 * tokens are under the new key (none of the old key's equality tokens is left) and searches find exactly the rows
 * whose committed values match.
 */
class CrashRecoveryWithSearchTokensTest {
    private static final int ROWS = 6_000;
    private static final int KILLS = 6;
    private static final String[] NAMES = {"Smith", "Smythe", "Jones", "Johnson", "Øster", "Li", "Sánchez"};

    @TempDir
    Path directory;

    @Test
    void killingARotationWithSearchTokensLeavesEverySearchExact() throws Exception {
        try (TestDatabase.Instance db = TestDatabase.POSTGRESQL.create()) {
            KillableCli cli = new KillableCli(db, directory);
            cli.createKeys("cek1", "cek1_v2", "cek2");
            Map<String, Object> keySettings = cli.keySettings();
            Map<String, Object> settings = new HashMap<>(keySettings);
            settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT0.2S");
            settings.put("hibernate.jdbc.batch_size", "100");
            try (SessionFactory app = TestSessionFactories.build(db, null, settings, Person.class)) {
                Map<Long, String[]> committed = new ConcurrentHashMap<>(persist(app));
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger writes = new AtomicInteger();
                List<Throwable> failures = new CopyOnWriteArrayList<>();
                Thread writer = new Thread(() -> {
                    try {
                        write(app, committed, stop, writes);
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }, "application");
                writer.start();
                Process last = null;
                int runs = 0;
                int killedWhileWorking = 0;
                Random random = new Random();
                try {
                    for (int kill = 0; kill < KILLS; kill++) {
                        Process job = start(cli, runs++);
                        long baseline = cli.rowsDone();
                        // Killed shortly after this run committed a batch of its own, so that it dies mid-work
                        // (its token writes included) and no run gets far.
                        cli.awaitCommit(job, baseline);
                        if (job.waitFor(random.nextInt(100), TimeUnit.MILLISECONDS)) {
                            last = job;
                            break; // finished by itself before this kill
                        }
                        job.destroyForcibly(); // SIGKILL: no shutdown hook, no last commit
                        assertTrue(job.waitFor(30, TimeUnit.SECONDS));
                        if (cli.rowsDone() > baseline) {
                            killedWhileWorking++;
                        }
                    }
                    if (last == null) {
                        last = start(cli, runs++);
                        assertTrue(last.waitFor(5, TimeUnit.MINUTES), "the last run finishes");
                    }
                } finally {
                    stop.set(true);
                    writer.join();
                }
                assertEquals(0, last.exitValue(), Files.readString(cli.log(runs - 1)));
                assertEquals(List.of(), failures, "the application's writes all went through (no deadlock)");
                assertTrue(writes.get() > 100, "the application kept writing: " + writes.get());
                System.err.println("CrashRecoveryWithSearchTokensTest: " + runs + " runs, killed mid-job "
                        + killedWhileWorking + " times, " + writes.get() + " application writes meanwhile");
                assertTrue(killedWhileWorking >= 3, "killed mid-job only " + killedWhileWorking + " times");
                Thread.sleep(500); // an application poll: it now looks up the new key's tokens only

                KeyRing keys = KeyHierarchy.builder().settings(keySettings).connections(db::connect).build()
                        .keyRing();
                assertEquals(0, oldEqualityTokens(db, keys, committed), "no token of the old key is left");
                Random probes = new Random(11);
                List<Long> ids = new ArrayList<>(committed.keySet());
                for (int q = 0; q < 60; q++) {
                    String[] probe = committed.get(ids.get(probes.nextInt(ids.size())));
                    assertEquals(matching(committed, 0, probe[0], false), found(app, "ssn = :v", probe[0]),
                            "ssn = " + q);
                    String prefix = probe[1].substring(0, 1 + probes.nextInt(3));
                    assertEquals(matching(committed, 1, prefix, true), found(app, "lastName like :v", prefix + "%"),
                            "prefix " + prefix);
                }
            }
        }
    }

    private static Map<Long, String[]> persist(SessionFactory app) {
        Map<Long, String[]> values = new HashMap<>();
        Random random = new Random(5);
        app.inTransaction(s -> {
            for (int i = 0; i < ROWS; i++) {
                Person person = new Person("ssn-" + random.nextInt(ROWS / 4), NAMES[random.nextInt(NAMES.length)]
                        + random.nextInt(50), "Oslo", random.nextInt(100), null);
                s.persist(person);
                if (i % 100 == 99) {
                    s.flush();
                    s.clear();
                }
                values.put(person.id, new String[] {person.ssn, person.lastName});
            }
        });
        return values;
    }

    /** Changes random rows through Hibernate, recording what each committed transaction wrote. */
    private static void write(SessionFactory app, Map<Long, String[]> committed, AtomicBoolean stop,
            AtomicInteger writes) {
        Random random = new Random(9);
        List<Long> ids = new ArrayList<>(committed.keySet());
        for (int n = 0; !stop.get(); n++) {
            long id = ids.get(random.nextInt(ids.size()));
            String[] next = {"ssn-app-" + random.nextInt(200), NAMES[random.nextInt(NAMES.length)] + "-app" + n};
            app.inTransaction(s -> {
                Person person = s.find(Person.class, id);
                person.ssn = next[0];
                person.lastName = next[1];
            });
            committed.put(id, next);
            writes.incrementAndGet();
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Set<Long> matching(Map<Long, String[]> committed, int field, String value, boolean prefix) {
        Set<Long> ids = new TreeSet<>();
        committed.forEach((id, values) -> {
            if (prefix ? values[field].startsWith(value) : values[field].equals(value)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static Set<Long> found(SessionFactory app, String where, String value) {
        List<Long> ids = app.fromTransaction(s -> s.createSelectionQuery("select id from Person where " + where,
                Long.class).setParameter("v", value).getResultList());
        return new TreeSet<>(ids);
    }

    /** Rows with one of the equality tokens of their ssn under cek1, the key rotated out. */
    private static long oldEqualityTokens(TestDatabase.Instance db, KeyRing keys, Map<Long, String[]> committed)
            throws SQLException {
        SearchTokenHash hash = keys.columnKey("cek1").searchTokens(SearchScheme.EQUALITY.purpose("person.ssn"));
        Set<String> stored = new HashSet<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select owner_id, token from Person_hae_tokens")) {
            while (rows.next()) {
                stored.add(rows.getLong(1) + ":" + HexFormat.of().formatHex(rows.getBytes(2)));
            }
        }
        long found = 0;
        for (Map.Entry<Long, String[]> row : committed.entrySet()) {
            byte[] plaintext = row.getValue()[0].getBytes(StandardCharsets.UTF_16LE);
            for (int variant = 0; variant < 4; variant++) {
                if (stored.contains(row.getKey() + ":" + HexFormat.of().formatHex(hash.token(plaintext, variant)))) {
                    found++;
                    break;
                }
            }
        }
        return found;
    }

    private static Process start(KillableCli cli, int run) throws Exception {
        return cli.start(run, List.of("rotate-cek", "--key", "cek1", "--to", "cek1_v2", "--wait", "1s",
                "--batch-size", "50", "--partitions", "6", "--workers", "2", "--worker-name", "crash-test",
                "--no-progress"));
    }
}
