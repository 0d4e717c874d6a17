package dev.hibernateae.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.lifecycle.KeyLifecycle;
import dev.hibernateae.lifecycle.LifecycleStatus;
import dev.hibernateae.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rotation job is killed with {@code kill -9} at random points, again and again, and resumed each time, while
 * an application keeps writing with the new key. Over 100,000 rows on PostgreSQL, no row is lost and none is
 * unreadable: the checksum of the decrypted values after the rotation is the checksum before it, with the
 * application's writes applied, and every cell is under the new key, deterministic cells still deterministic.
 */
class CrashRecoveryTest {
    private static final int ROWS = 100_000;
    private static final int KILLS = 12;

    @TempDir
    Path directory;

    @Test
    void killingTheRotationJobAgainAndAgainLosesNoRow() throws Exception {
        try (TestDatabase.Instance db = TestDatabase.POSTGRESQL.create()) {
            KillableCli cli = new KillableCli(db, directory);
            KeyLifecycle lifecycle = cli.createKeys("cek1", "cek1_v2");
            var ring = dev.hibernateae.internal.keys.KeyHierarchy.builder().settings(cli.keySettings())
                    .connections(() -> db.connect()).build().keyRing();
            CellKey source = ring.cellKey("cek1");
            CellKey target = ring.cellKey("cek1_v2");

            Map<Long, String> expected = fill(db, source);
            byte[] before = checksum(expected);

            Map<Long, String> appWrites = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            Thread application = application(db, target, appWrites, stop);
            application.start();
            int killedWhileWorking = 0;
            int runs = 0;
            List<Long> progressAtKills = new ArrayList<>();
            Random random = new Random();
            Process last = null;
            try {
                for (int kill = 0; kill < KILLS; kill++) {
                    Process job = start(cli, runs++);
                    long baseline = cli.rowsDone();
                    // One kill in three lands anywhere (start-up, planning, a batch, verification); the others
                    // after the run has committed a batch of its own, so every run is interrupted mid-work.
                    if (kill % 3 != 0) {
                        cli.awaitCommit(job, baseline);
                    }
                    // Short after a commit, so no run gets far: twelve kills must not let the job finish early.
                    long sleep = kill % 3 != 0 ? random.nextInt(150) : 200 + random.nextInt(1300);
                    if (job.waitFor(sleep, TimeUnit.MILLISECONDS)) {
                        last = job;
                        break; // finished by itself before this kill
                    }
                    job.destroyForcibly(); // SIGKILL: no shutdown hook, no last commit
                    assertTrue(job.waitFor(30, TimeUnit.SECONDS));
                    long done = cli.rowsDone();
                    progressAtKills.add(done);
                    if (done > baseline) {
                        killedWhileWorking++;
                    }
                }
                if (last == null) {
                    last = start(cli, runs++);
                    assertTrue(last.waitFor(5, TimeUnit.MINUTES), "the last run finishes");
                }
            } finally {
                stop.set(true);
                application.join();
            }
            assertEquals(0, last.exitValue(), Files.readString(cli.log(runs - 1)));
            // Rows walked (committed checkpoints) at each kill: the job advances across kills.
            System.err.println("CrashRecoveryTest: " + runs + " runs, killed " + progressAtKills.size()
                    + " times, rows walked at each kill " + progressAtKills);
            assertTrue(killedWhileWorking >= 5, "killed mid-job only " + killedWhileWorking + " times");

            expected.putAll(appWrites);
            Map<Long, byte[]> cells = cells(db);
            assertEquals(ROWS, cells.size(), "no row lost");
            Map<Long, String> after = new HashMap<>();
            for (Map.Entry<Long, byte[]> cell : cells.entrySet()) {
                // Every cell is under the new key: decrypting with it alone must work for all of them.
                byte[] plaintext = new CellCipher(target, EncryptionType.RANDOMIZED).decrypt(cell.getValue());
                after.put(cell.getKey(), new String(plaintext, StandardCharsets.UTF_16LE));
                long id = cell.getKey();
                if (id % 2 == 0 && !appWrites.containsKey(id)) {
                    assertArrayEquals(new CellCipher(target, EncryptionType.DETERMINISTIC).encrypt(plaintext),
                            cell.getValue(), "deterministic cells stay deterministic");
                }
            }
            assertArrayEquals(checksum(expected), checksum(after), "checksum of decrypted values");
            assertTrue(appWrites.size() > 0 && !java.util.Arrays.equals(before, checksum(expected)));
            LifecycleStatus status = lifecycle.status();
            assertEquals("COMPLETED", status.rotations().get(0).phase(), status.toString());
            assertTrue(status.jobs().isEmpty(), status.toString());
        }
    }

    /** Rows 1..ROWS: even ids deterministic, odd ids randomized; returns the plaintexts. */
    private static Map<Long, String> fill(TestDatabase.Instance db, CellKey key) throws SQLException {
        Map<Long, String> values = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db.url() + "&reWriteBatchedInserts=true", db.user(),
                db.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("create table narrow (id bigint primary key, secret bytea not null)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into narrow (id, secret) values (?, ?)")) {
                for (long id = 1; id <= ROWS; id++) {
                    String value = "value-" + id;
                    values.put(id, value);
                    insert.setLong(1, id);
                    insert.setBytes(2, new CellCipher(key, id % 2 == 0 ? EncryptionType.DETERMINISTIC
                            : EncryptionType.RANDOMIZED).encrypt(value.getBytes(StandardCharsets.UTF_16LE)));
                    insert.addBatch();
                    if (id % 5_000 == 0) {
                        insert.executeBatch();
                    }
                }
            }
            c.commit();
        }
        return values;
    }

    /** Writes random rows with the new key, as an application does once it has seen the rotation. */
    private static Thread application(TestDatabase.Instance db, CellKey target, Map<Long, String> writes,
            AtomicBoolean stop) {
        return new Thread(() -> {
            Random random = new Random(7);
            try (Connection c = db.connect(); PreparedStatement update = c.prepareStatement(
                    "update narrow set secret = ? where id = ?")) {
                for (int n = 0; !stop.get(); n++) {
                    long id = 1 + random.nextInt(ROWS);
                    String value = "application-" + n;
                    update.setBytes(1, new CellCipher(target, EncryptionType.RANDOMIZED).encrypt(
                            value.getBytes(StandardCharsets.UTF_16LE)));
                    update.setLong(2, id);
                    update.executeUpdate();
                    writes.put(id, value);
                    Thread.sleep(5);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "application");
    }

    private static Process start(KillableCli cli, int run) throws Exception {
        return cli.start(run, List.of("rotate-cek", "--key", "cek1", "--to", "cek1_v2", "--column", "narrow.secret",
                "--wait", "0", "--batch-size", "1000", "--partitions", "8", "--workers", "2", "--worker-name",
                "crash-test", "--no-progress"));
    }

    private static Map<Long, byte[]> cells(TestDatabase.Instance db) throws SQLException {
        Map<Long, byte[]> cells = new HashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select id, secret from narrow")) {
            while (rows.next()) {
                cells.put(rows.getLong(1), rows.getBytes(2));
            }
        }
        return cells;
    }

    /** SHA-256 over (id, value) in id order. */
    private static byte[] checksum(Map<Long, String> values) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            digest.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        });
        return digest.digest();
    }
}
