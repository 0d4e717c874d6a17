package dev.hibernateae.lifecycle;

import static dev.hibernateae.testing.keys.KeyFixture.PATH_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.testing.keys.KeyFixture;
import dev.hibernateae.testing.keys.KeyTablesDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The column encryption key rotation job on each database: every value re-encrypted and verified, types kept,
 * concurrent application writes never lost, unreadable values never touched, cancelled runs resumed.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(KeyTables.Database.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncryptionKeyRotationJobTest {
    private static final int ROWS = 1_000;

    @Parameter
    KeyTables.Database kind;

    private KeyTablesDatabase database;
    private KeyFixture keys;
    private KeyLifecycle lifecycle;
    private CellKey cek1;
    private CellKey next;

    @BeforeParameterizedClassInvocation
    void openDatabase() {
        database = KeyTablesDatabase.open(kind);
        database.createKeyTables();
        keys = new KeyFixture(database);
        keys.createKey("cek1", "cmk1", PATH_1);
        keys.admin.createColumnEncryptionKey("cek1_next", "cmk1");
        lifecycle = KeyLifecycle.builder().dataSource(database.dataSource()).settings(KeyFixture.TRUSTED)
                .provider(keys.provider).build();
        var ring = keys.hierarchy(Duration.ofHours(1)).build().keyRing();
        cek1 = ring.cellKey("cek1");
        next = ring.cellKey("cek1_next");
    }

    @AfterParameterizedClassInvocation
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /** Item rows 1..ROWS: a deterministic secret, a randomized note (null on every 7th row), a plain label. */
    @BeforeEach
    void items() throws SQLException {
        JobTables.clearLifecycle(database);
        JobTables.execute(database, "drop table if exists item");
        JobTables.execute(database, "create table item (id bigint not null primary key, secret "
                + JobTables.binary(kind, 200) + ", note " + JobTables.binary(kind, 200) + ", label varchar(20))");
        try (Connection c = database.dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into item (id, secret, note, label) values (?, ?, ?, ?)")) {
            for (long id = 1; id <= ROWS; id++) {
                insert.setLong(1, id);
                insert.setBytes(2, encrypt(cek1, EncryptionType.DETERMINISTIC, "secret-" + id));
                insert.setBytes(3, id % 7 == 0 ? null : encrypt(cek1, EncryptionType.RANDOMIZED, "note-" + id));
                insert.setString(4, "row " + id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static byte[] encrypt(CellKey key, EncryptionType type, String text) {
        return new CellCipher(key, type).encrypt(text.getBytes(StandardCharsets.UTF_16LE));
    }

    private static String decrypt(CellKey key, byte[] cell) {
        return new String(new CellCipher(key, EncryptionType.RANDOMIZED).decrypt(cell), StandardCharsets.UTF_16LE);
    }

    private JobOptions options() {
        return JobOptions.DEFAULTS.withWaitBeforeRewrite(Duration.ZERO).withBatchSize(64).withPartitions(5)
                .withWorkers(2).withWorkerName("test");
    }

    private static final List<ColumnRef> COLUMNS = List.of(ColumnRef.of("item", "secret"), ColumnRef.of("item",
            "note"));

    @Test
    void everyValueIsReencryptedVerifiedAndKeepsItsType() {
        List<JobProgress> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobReport report = lifecycle.rotateEncryptionKey("cek1", "cek1_next", COLUMNS,
                options().withProgress(progress::add));
        assertTrue(report.completed(), report.toString());
        assertEquals(ROWS, report.rowsWalked());
        int nulls = ROWS / 7;
        assertEquals(2L * ROWS - nulls, report.rewritten());
        assertEquals(nulls, report.nulls());
        assertEquals(0, report.unreadable());

        Map<Long, byte[]> secrets = JobTables.column(database, "item", "secret");
        Map<Long, byte[]> notes = JobTables.column(database, "item", "note");
        for (long id = 1; id <= ROWS; id++) {
            // Deterministic stays deterministic: the same cell as a fresh deterministic encryption under the new key.
            assertArrayEquals(encrypt(next, EncryptionType.DETERMINISTIC, "secret-" + id), secrets.get(id));
            if (id % 7 == 0) {
                assertNull(notes.get(id));
            } else {
                assertEquals("note-" + id, decrypt(next, notes.get(id)));
                assertFalse(java.util.Arrays.equals(encrypt(next, EncryptionType.DETERMINISTIC, "note-" + id),
                        notes.get(id)), "randomized stays randomized");
            }
        }
        LifecycleStatus status = lifecycle.status();
        assertEquals("COMPLETED", status.rotations().get(0).phase());
        assertEquals("cek1_next", status.rotations().get(0).targetKey());
        assertTrue(status.jobs().isEmpty(), "finished jobs forget their partitions: " + status.jobs());
        assertTrue(progress.stream().anyMatch(p -> p.stage() == JobProgress.Stage.DONE && p.rowsDone() == ROWS),
                progress.toString());
    }

    @Test
    void applicationWritesDuringTheJobAreNeverOverwritten() throws Exception {
        Map<Long, String> written = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread application = new Thread(() -> {
            java.util.Random random = new java.util.Random(42);
            int n = 0;
            while (!stop.get()) {
                long id = 1 + random.nextInt(ROWS);
                String value = "app-" + (n++);
                // The application writes with the new key once the rotation is announced.
                JobTables.update(database, "update item set secret = ? where id = ?",
                        encrypt(next, EncryptionType.DETERMINISTIC, value), id);
                written.put(id, value);
            }
        });
        JobReport report;
        application.start();
        try {
            report = lifecycle.rotateEncryptionKey("cek1", "cek1_next", COLUMNS, options().withBatchSize(16));
        } finally {
            stop.set(true);
            application.join();
        }
        assertTrue(report.completed(), report.toString());
        Map<Long, byte[]> secrets = JobTables.column(database, "item", "secret");
        assertTrue(written.size() > 0, "the application wrote while the job ran");
        for (long id = 1; id <= ROWS; id++) {
            String expected = written.getOrDefault(id, "secret-" + id);
            assertEquals(expected, decrypt(next, secrets.get(id)), "row " + id);
        }
    }

    @Test
    void workersOfTwoProcessesShareOneJob() throws Exception {
        KeyLifecycle other = KeyLifecycle.builder().dataSource(database.dataSource()).settings(KeyFixture.TRUSTED)
                .provider(keys.provider).build();
        java.util.concurrent.ExecutorService processes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = processes.submit(() -> lifecycle.rotateEncryptionKey("cek1", "cek1_next", COLUMNS,
                    options().withBatchSize(16).withPartitions(10).withWorkerName("process-1")));
            var second = processes.submit(() -> other.rotateEncryptionKey("cek1", "cek1_next", COLUMNS,
                    options().withBatchSize(16).withPartitions(10).withWorkerName("process-2")));
            JobReport a = first.get();
            JobReport b = second.get();
            assertTrue(a.completed() && b.completed(), a + "\n" + b);
            assertEquals(2L * ROWS - ROWS / 7, a.rewritten() + b.rewritten(), "each value rewritten once: "
                    + a + "\n" + b);
        } finally {
            processes.shutdownNow();
        }
        Map<Long, byte[]> secrets = JobTables.column(database, "item", "secret");
        for (long id = 1; id <= ROWS; id++) {
            assertEquals("secret-" + id, decrypt(next, secrets.get(id)));
        }
    }

    @Test
    void anUnreadableValueIsLeftAloneAndTheRotationStaysOpen() {
        byte[] garbage = encrypt(keys.hierarchy(Duration.ZERO).build().keyRing().cellKey("cek1_next"),
                EncryptionType.DETERMINISTIC, "x");
        garbage[garbage.length - 1] ^= 1;
        JobTables.update(database, "update item set secret = ? where id = ?", garbage, 500L);
        JobReport report = lifecycle.rotateEncryptionKey("cek1", "cek1_next", COLUMNS, options());
        assertFalse(report.completed());
        assertEquals(1, report.unreadable());
        assertTrue(report.unreadableSamples().get(0).contains("item row (500) column secret"),
                report.unreadableSamples().toString());
        assertFalse(report.unreadableSamples().get(0).contains(HexFormat.of().formatHex(garbage)));
        assertArrayEquals(garbage, JobTables.column(database, "item", "secret").get(500L));
        assertEquals("ROTATING", lifecycle.status().rotations().get(0).phase());

        // Fixed by hand (restored from a backup), the rerun completes.
        JobTables.update(database, "update item set secret = ? where id = ?",
                encrypt(cek1, EncryptionType.DETERMINISTIC, "secret-500"), 500L);
        JobReport rerun = lifecycle.rotateEncryptionKey("cek1", "cek1_next", COLUMNS, options());
        assertTrue(rerun.completed(), rerun.toString());
        assertEquals("COMPLETED", lifecycle.status().rotations().get(0).phase());
    }

    @Test
    void aCancelledJobResumesFromItsCheckpoints() {
        AtomicInteger asked = new AtomicInteger();
        JobReport first = lifecycle.rotateEncryptionKey("cek1", "cek1_next", COLUMNS,
                options().withWorkers(1).withCancelled(() -> asked.incrementAndGet() > 6));
        assertFalse(first.completed());
        assertTrue(first.rowsWalked() > 0 && first.rowsWalked() < ROWS, first.toString());
        LifecycleStatus status = lifecycle.status();
        assertEquals("ROTATING", status.rotations().get(0).phase());
        assertEquals(first.rowsWalked(), status.jobs().get(0).rowsDone());

        JobReport second = lifecycle.rotateEncryptionKey("cek1", "cek1_next", COLUMNS, options());
        assertTrue(second.completed(), second.toString());
        assertEquals(ROWS - first.rowsWalked(), second.rowsWalked(), "the rerun starts at the checkpoints");
        Map<Long, byte[]> secrets = JobTables.column(database, "item", "secret");
        for (long id = 1; id <= ROWS; id++) {
            assertEquals("secret-" + id, decrypt(next, secrets.get(id)));
        }
    }

    @Test
    void aSecondRotationToAnotherTargetWaitsForTheFirstToFinish() {
        keys.admin.createColumnEncryptionKey("cek1_third", "cmk1");
        lifecycle.rotateEncryptionKey("cek1", "cek1_next", COLUMNS, options().withCancelled(() -> true));
        ColumnEncryptionKeyException refused = assertThrows(ColumnEncryptionKeyException.class,
                () -> lifecycle.rotateEncryptionKey("cek1", "cek1_third", COLUMNS, options()));
        assertTrue(refused.getMessage().contains("being rotated to 'cek1_next'"), refused.getMessage());
        assertTrue(lifecycle.rotateEncryptionKey("cek1", "cek1_next", COLUMNS, options()).completed());
        JobReport again = lifecycle.rotateEncryptionKey("cek1", "cek1_next", COLUMNS, options());
        assertTrue(again.completed() && again.operation().contains("already completed") && again.rewritten() == 0,
                "a rerun of a completed rotation (after a crash at its very end) succeeds: " + again);
        // Then the key name rotates on, from the key it now stands for.
        JobReport third = lifecycle.rotateEncryptionKey("cek1", "cek1_third", COLUMNS, options());
        assertTrue(third.completed(), third.toString());
        assertTrue(third.operation().contains("from column encryption key 'cek1_next' to 'cek1_third'"));
        keys.admin.forceDropColumnEncryptionKey("cek1_third");
    }

    @Test
    void compositeKeysWithTheEncryptedColumnInTheKeyAreWalked() throws SQLException {
        JobTables.execute(database, "drop table if exists item_alias");
        JobTables.execute(database, "create table item_alias (item_id bigint not null, alias "
                + JobTables.binary(kind, 200) + " not null, primary key (item_id, alias))");
        List<String> aliases = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into item_alias (item_id, alias) values (?, ?)")) {
            for (long id = 1; id <= 100; id++) {
                for (int a = 0; a < 3; a++) {
                    insert.setLong(1, id);
                    insert.setBytes(2, encrypt(cek1, EncryptionType.DETERMINISTIC, "alias-" + id + "-" + a));
                    insert.addBatch();
                    aliases.add("alias-" + id + "-" + a);
                }
            }
            insert.executeBatch();
        }
        JobReport report = lifecycle.rotateEncryptionKey("cek1", "cek1_next", List.of(ColumnRef.of("item", "secret"),
                ColumnRef.of("item", "note"), ColumnRef.of("item_alias", "alias")), options().withBatchSize(7));
        assertTrue(report.completed(), report.toString());
        List<String> after = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement select = c.prepareStatement(
                "select alias from item_alias"); var rows = select.executeQuery()) {
            while (rows.next()) {
                after.add(decrypt(next, rows.getBytes(1)));
            }
        }
        after.sort(null);
        aliases.sort(null);
        assertEquals(aliases, after);
    }
}
