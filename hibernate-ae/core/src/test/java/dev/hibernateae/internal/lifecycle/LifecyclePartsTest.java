package dev.hibernateae.internal.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.UnsupportedPlaintextException;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.lifecycle.job.KeyTuple;
import dev.hibernateae.internal.lifecycle.job.TableShape;
import dev.hibernateae.testing.StaticKeyRing;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The pieces of the key lifecycle on their own: text forms, cell shapes, checkpoint keys, SQL names, state. */
class LifecyclePartsTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plaintextTextReadsWhatEachDatabaseWritesAndWritesOneCanonicalForm() {
        PlaintextText booleans = PlaintextText.forType(Boolean.class, false);
        for (String yes : List.of("true", "t", "1", "TRUE")) {
            assertEquals(Boolean.TRUE, booleans.parse(utf8(yes)));
        }
        assertEquals(Boolean.FALSE, booleans.parse(utf8("f")));
        PlaintextText timestamps = PlaintextText.forType(LocalDateTime.class, false);
        LocalDateTime at = LocalDateTime.of(2024, 1, 2, 10, 0, 0, 500_000_000);
        for (String text : List.of("2024-01-02 10:00:00.5", "2024-01-02T10:00:00.500000", "2024-01-02 10:00:00.500")) {
            assertEquals(at, timestamps.parse(utf8(text)), text);
        }
        assertArrayEquals(utf8("2024-01-02 10:00:00.5"), timestamps.format(at));
        PlaintextText offsets = PlaintextText.forType(OffsetDateTime.class, false);
        OffsetDateTime utc = OffsetDateTime.of(2024, 1, 2, 10, 0, 0, 0, ZoneOffset.UTC);
        for (String text : List.of("2024-01-02 10:00:00+00", "2024-01-02T10:00:00Z", "2024-01-02 10:00:00+00:00")) {
            assertEquals(utc.toInstant(), ((OffsetDateTime) offsets.parse(utf8(text))).toInstant(), text);
        }
        assertArrayEquals(utf8("2024-01-02 10:00:00+00:00"), offsets.format(utc));
        assertEquals(Instant.parse("2024-01-02T10:00:00Z"), PlaintextText.forType(Instant.class, false)
                .parse(utf8("2024-01-02 10:00:00+00")));
        assertEquals(LocalTime.of(9, 5), PlaintextText.forType(LocalTime.class, false).parse(utf8("09:05")));
        assertEquals(new BigDecimal("12.50"), PlaintextText.forType(BigDecimal.class, false).parse(utf8("12.50")));
        assertArrayEquals(utf8("12.50"), PlaintextText.forType(BigDecimal.class, false)
                .format(new BigDecimal("12.50")));
        UUID id = UUID.randomUUID();
        assertEquals(id, PlaintextText.forType(UUID.class, false).parse(utf8(id.toString())));
        assertEquals(EncryptionType.RANDOMIZED, PlaintextText.forType(EncryptionType.class, true).parse(utf8("1")));
        assertArrayEquals(utf8("RANDOMIZED"), PlaintextText.forType(EncryptionType.class, false)
                .format(EncryptionType.RANDOMIZED));
        assertEquals(LocalDate.of(2024, 2, 29), PlaintextText.forType(LocalDate.class, false)
                .parse(utf8("2024-02-29")));
    }

    @Test
    void plaintextTextSaysWhichTypesEqualityCanMatchAndRefusesWhatItCannotRead() {
        assertTrue(PlaintextText.forType(String.class, false).exactForEquality());
        assertTrue(PlaintextText.forType(Long.class, false).exactForEquality());
        assertFalse(PlaintextText.forType(LocalDateTime.class, false).exactForEquality());
        assertFalse(PlaintextText.forType(Boolean.class, false).exactForEquality());
        assertThrows(AlwaysEncryptedException.class, () -> PlaintextText.forType(byte[].class, false));
        UnsupportedPlaintextException notUtf8 = assertThrows(UnsupportedPlaintextException.class,
                () -> PlaintextText.forType(String.class, false).parse(new byte[] {(byte) 0xC3, 0x28}));
        assertTrue(notUtf8.getMessage().startsWith("Plaintext of 2 bytes is not UTF-8"), notUtf8.getMessage());
        UnsupportedPlaintextException notANumber = assertThrows(UnsupportedPlaintextException.class,
                () -> PlaintextText.forType(Integer.class, false).parse(utf8("secret-value")));
        assertFalse(notANumber.getMessage().contains("secret-value"), notANumber.getMessage());
    }

    @Test
    void cellsAreToldFromTextByTheirShape() {
        CellKey key = CellKey.derive(new byte[32]);
        for (int length : new int[] {0, 15, 16, 100}) {
            byte[] cell = new CellCipher(key, EncryptionType.RANDOMIZED).encrypt(new byte[length]);
            assertTrue(CellShape.looksLikeCell(cell));
        }
        assertFalse(CellShape.looksLikeCell(utf8("a".repeat(81))), "text never starts with 0x01");
        assertFalse(CellShape.looksLikeCell(new byte[64]));
        byte[] almost = new byte[66];
        almost[0] = 1;
        assertFalse(CellShape.looksLikeCell(almost));
    }

    @Test
    void checkpointKeysRoundTripThroughTheirText() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table k (a bigint, b varchar(20), c uuid, d varbinary(8), e decimal(10,2), f date,"
                        + " g timestamp)");
            }
            UUID uuid = UUID.randomUUID();
            try (PreparedStatement insert = c.prepareStatement("insert into k values (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, 42);
                insert.setString(2, "a|b\\c");
                insert.setObject(3, uuid);
                insert.setBytes(4, new byte[] {1, 2, (byte) 0xFF});
                insert.setBigDecimal(5, new BigDecimal("12.50"));
                insert.setDate(6, java.sql.Date.valueOf("2024-01-02"));
                insert.setTimestamp(7, java.sql.Timestamp.valueOf("2024-01-02 10:00:00.123"));
                insert.executeUpdate();
            }
            KeyTuple read;
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("select * from k")) {
                rows.next();
                read = KeyTuple.read(rows, 1, 7);
            }
            KeyTuple decoded = KeyTuple.decode(read.encode());
            assertEquals(read, decoded);
            try (PreparedStatement select = c.prepareStatement(
                    "select count(*) from k where a = ? and b = ? and c = ? and d = ? and e = ? and f = ? and g = ?")) {
                decoded.bind(select, 1);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    assertEquals(1, rows.getInt(1), "the decoded key binds to the very row");
                }
            }
        }
    }

    @Test
    void tableShapesAcceptNamesNotExpressions() {
        TableShape shape = new TableShape("app.patient_alias", List.of("patient_id", "alias"), List.of("alias"));
        assertEquals("update app.patient_alias set alias = ? where patient_id = ? and alias = ?",
                shape.compareAndSetSql("alias"), "a key column that is the rewritten column is compared once");
        for (String bad : List.of("patient; drop table x", "a b", "x--", "t.c.d.e")) {
            assertThrows(AlwaysEncryptedException.class, () -> new TableShape(bad, List.of("id"), List.of("c")),
                    bad);
        }
        new TableShape("\"Mixed Case\"", List.of("`id`"), List.of("c"));
    }

    @Test
    void aSnapshotFollowsOnlyAuthenticRecordsAndNamesColumnsBareAndCaseBlind() {
        StaticKeyRing keys = StaticKeyRing.withRandomKeys("cek1", "cek1_v2", "cek2");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        KeyRotation rotation = new KeyRotation("cek1", "cek1", "cek1_v2", KeyRotation.Phase.ROTATING, now, 2);
        ColumnTransition transition = new ColumnTransition("member", "email", ColumnTransition.Direction.ENCRYPT,
                "cek2", "cek2", EncryptionType.DETERMINISTIC, ColumnTransition.Phase.RUNNING, now, 1);
        LifecycleSnapshot snapshot = new TrustedRecords().check(
                List.of(new StoredRecord<>(rotation, RecordAuthentication.tag(keys, rotation))),
                List.of(new StoredRecord<>(transition, RecordAuthentication.tag(keys, transition))),
                PlaintextWindows.NONE, keys);
        assertEquals(rotation, snapshot.rotation("cek1"));
        assertNull(snapshot.rotation("cek2"));
        assertTrue(snapshot.transition("APP.MEMBER", "\"EMAIL\"") != null, "names compare bare and case-blind");
        assertNull(snapshot.transition("member", "name"));
        assertTrue(snapshot.rejections().isEmpty());

        KeyRotation altered = new KeyRotation("cek1", "cek1", "cek2", KeyRotation.Phase.ROTATING, now, 2);
        LifecycleSnapshot forged = new TrustedRecords().check(
                List.of(new StoredRecord<>(altered, RecordAuthentication.tag(keys, rotation))), List.of(),
                PlaintextWindows.NONE, keys);
        assertNull(forged.rotation("cek1"), "a record whose tag does not verify is not followed");
        assertEquals(1, forged.rejections().size());
    }

    @Test
    void aTagBindsEveryField() {
        StaticKeyRing keys = StaticKeyRing.withRandomKeys("cek1", "cek1_v2");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        KeyRotation rotation = new KeyRotation("cek1", "cek1", "cek1_v2", KeyRotation.Phase.ANNOUNCED, now, 3);
        byte[] tag = RecordAuthentication.tag(keys, rotation);
        assertTrue(RecordAuthentication.verify(keys, rotation, tag));
        for (KeyRotation changed : List.of(
                new KeyRotation("cek2", "cek1", "cek1_v2", KeyRotation.Phase.ANNOUNCED, now, 3),
                new KeyRotation("cek1", "cek0", "cek1_v2", KeyRotation.Phase.ANNOUNCED, now, 3),
                new KeyRotation("cek1", "cek1", "cek1_v2", KeyRotation.Phase.ROTATING, now, 3),
                new KeyRotation("cek1", "cek1", "cek1_v2", KeyRotation.Phase.ANNOUNCED, now.plusNanos(1000), 3),
                new KeyRotation("cek1", "cek1", "cek1_v2", KeyRotation.Phase.ANNOUNCED, now, 4))) {
            assertFalse(RecordAuthentication.verify(keys, changed, tag), changed.describe());
        }
        ColumnTransition transition = new ColumnTransition("member", "email", ColumnTransition.Direction.DECRYPT,
                "cek1", "cek1", EncryptionType.DETERMINISTIC, ColumnTransition.Phase.ANNOUNCED, now, 1);
        byte[] transitionTag = RecordAuthentication.tag(keys, transition);
        for (ColumnTransition changed : List.of(
                new ColumnTransition("patient", "email", ColumnTransition.Direction.DECRYPT, "cek1", "cek1",
                        EncryptionType.DETERMINISTIC, ColumnTransition.Phase.ANNOUNCED, now, 1),
                new ColumnTransition("member", "ssn", ColumnTransition.Direction.DECRYPT, "cek1", "cek1",
                        EncryptionType.DETERMINISTIC, ColumnTransition.Phase.ANNOUNCED, now, 1),
                new ColumnTransition("member", "email", ColumnTransition.Direction.ENCRYPT, "cek1", "cek1",
                        EncryptionType.DETERMINISTIC, ColumnTransition.Phase.ANNOUNCED, now, 1),
                new ColumnTransition("member", "email", ColumnTransition.Direction.DECRYPT, "cek1", "cek1",
                        EncryptionType.RANDOMIZED, ColumnTransition.Phase.ANNOUNCED, now, 1),
                new ColumnTransition("member", "email", ColumnTransition.Direction.DECRYPT, "cek1", "cek1",
                        EncryptionType.DETERMINISTIC, ColumnTransition.Phase.RUNNING, now, 1))) {
            assertFalse(RecordAuthentication.verify(keys, changed, transitionTag), changed.describe());
        }
    }

    @Test
    void aWatcherKeepsItsStateWhenAPollFailsAndFailsClosedWhenItNeverRead() throws Exception {
        String url = "jdbc:h2:mem:watcher" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        AtomicBoolean down = new AtomicBoolean();
        StaticKeyRing keys = StaticKeyRing.withRandomKeys("cek1", "cek1_v2");
        try (Connection keep = DriverManager.getConnection(url); Statement s = keep.createStatement()) {
            for (String sql : dev.hibernateae.internal.keys.KeyTables.createStatements(
                    dev.hibernateae.internal.keys.KeyTables.Database.H2)) {
                s.execute(sql);
            }
            new RecordJournal(keys).save(keep, new KeyRotation("cek1", "cek1", "cek1_v2",
                    KeyRotation.Phase.ROTATING, Instant.now().truncatedTo(ChronoUnit.MICROS), 1));
            LifecycleWatcher watcher = new LifecycleWatcher(() -> () -> {
                if (down.get()) {
                    throw new SQLException("database down", "08001");
                }
                return DriverManager.getConnection(url);
            }, () -> keys, PlaintextWindows.NONE, Duration.ZERO);
            assertEquals("cek1_v2", watcher.current().rotation("cek1").targetKey());
            down.set(true);
            watcher.poll();
            assertEquals("cek1_v2", watcher.current().rotation("cek1").targetKey(), "a failed poll changes nothing");

            LifecycleWatcher cold = new LifecycleWatcher(() -> () -> {
                throw new SQLException("database down", "08001");
            }, () -> keys, PlaintextWindows.NONE, Duration.ZERO);
            AlwaysEncryptedException e = assertThrows(AlwaysEncryptedException.class, cold::current);
            assertTrue(e.getMessage().contains(LifecycleTables.KEY_ROTATIONS), e.getMessage());
        }
    }

    /** Issue 15: an SQLException without SQL state (a pool's own refusal) is passed on, not a NullPointerException. */
    @Test
    void aLifecycleReadFailingWithoutSqlStateKeepsItsError() {
        SQLException refused = new SQLException("Attempting to rollback while enlisted in a transaction");
        assertFalse(LifecycleRecords.missingTable(refused));
        Connection failing = (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    throw refused;
                });
        assertSame(refused, assertThrows(SQLException.class, () -> LifecycleRecords.rotations(failing)));
        assertSame(refused, assertThrows(SQLException.class, () -> LifecycleRecords.transitions(failing)));
    }
}
