package dev.hibernateae.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.CellDecryptionException;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.LifecycleRecordException;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.keys.ConnectionSource;
import dev.hibernateae.internal.keys.KeyHierarchy;
import dev.hibernateae.internal.keys.KeyRing;
import dev.hibernateae.internal.lifecycle.ColumnTransition;
import dev.hibernateae.internal.lifecycle.KeyRotation;
import dev.hibernateae.internal.lifecycle.LifecycleTestSupport;
import dev.hibernateae.internal.lifecycle.RecordJournal;
import dev.hibernateae.security.model.Citizen;
import dev.hibernateae.testing.Bytes;
import dev.hibernateae.testing.DriverManagerDataSource;
import dev.hibernateae.testing.LogCapture;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The threat model, attacked: a database administrator who reads and writes every table, the {@code hae_*} key and
 * lifecycle tables included, writes rows with plain JDBC. None of it turns encryption off, redirects a key, or
 * passes plaintext off as decrypted; each attempt fails loudly, naming the record, and no plaintext reaches the
 * database.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseAdministratorAttacksTest {
    static final String PATH_APP = "keys/app-cmk";
    static final String PATH_EVIL = "keys/administrators-own";
    static final String SSN = "795-73-9838";

    @Parameter
    TestDatabase database;

    private TestDatabase.Instance db;
    private final TestRsaProvider keyStore = new TestRsaProvider(TestRsaProvider.NAME, PATH_APP, PATH_EVIL);
    private final List<SessionFactory> applications = new ArrayList<>();

    @BeforeParameterizedClassInvocation
    void keys() {
        db = database.create();
        SessionFactory first = application(Map.of());
        ColumnKeyAdministration admin = ColumnKeyAdministration.builder().sessionFactory(first).build();
        admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1").provider(TestRsaProvider.NAME).keyPath(PATH_APP));
        admin.createColumnEncryptionKey("cek1", "cmk1");
        admin.createColumnEncryptionKey("cek_cards", "cmk1");
        admin.createColumnEncryptionKey("cek_cards_v2", "cmk1");
        admin.createColumnEncryptionKey("cek1_v2", "cmk1");
    }

    @AfterParameterizedClassInvocation
    void drop() {
        db.close();
    }

    @BeforeEach
    void cleanSlate() {
        execute("delete from citizen");
        LifecycleTestSupport.clear(db);
    }

    @AfterEach
    void stopApplications() {
        applications.forEach(SessionFactory::close);
        applications.clear();
    }

    /** A running application: trusts only its own master key path, and opens no plaintext window. */
    private SessionFactory application(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(EncryptionSettings.PROVIDERS, List.of(keyStore));
        settings.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH_APP);
        settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H");
        settings.put("hibernate.hbm2ddl.auto", "update");
        settings.putAll(extra);
        SessionFactory sf = TestSessionFactories.build(db, null, settings, Citizen.class);
        applications.add(sf);
        return sf;
    }

    /** The operator's tools, which hold the application's master key. */
    private KeyRing operatorKeys() {
        return KeyHierarchy.builder().settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH_APP))
                .connections(ConnectionSource.of(DriverManagerDataSource.of(db))).provider(keyStore)
                .serviceLoader(false).build().keyRing();
    }

    @Test
    void aForgedDecryptTransitionTurnsNothingOff() {
        SessionFactory app = application(Map.of());
        try (LogCapture log = LogCapture.of(Level.SEVERE)) {
            insertTransition("citizen", "ssn", "DECRYPT", "cek1", "cek1", "RUNNING", 1, randomTag());
            LifecycleTestSupport.poll(app);

            RuntimeException write = assertThrows(RuntimeException.class,
                    () -> app.inTransaction(s -> s.persist(new Citizen(1, SSN, "note", "4111", "Ada"))));
            LifecycleRecordException refused = cause(write, LifecycleRecordException.class);
            assertTrue(refused.record().contains("hae_column_transitions") && refused.record().contains("ssn"),
                    refused.record());
            RuntimeException query = assertThrows(RuntimeException.class, () -> app.fromTransaction(
                    s -> s.createSelectionQuery("from Citizen where ssn = :s", Citizen.class).setParameter("s", SSN)
                            .getResultList()));
            cause(query, LifecycleRecordException.class);
            assertTrue(log.errors().stream().anyMatch(m -> m.contains("citizen.ssn")), log.messages().toString());
        }
        assertNoPlaintextStored(SSN);
    }

    @Test
    void anAuthenticDecryptTransitionAloneStillWritesNoPlaintext() {
        SessionFactory app = application(Map.of());
        new RecordJournalWriter(operatorKeys()).transition("citizen", "ssn", ColumnTransition.Direction.DECRYPT,
                ColumnTransition.Phase.RUNNING);
        LifecycleTestSupport.poll(app);
        RuntimeException write = assertThrows(RuntimeException.class,
                () -> app.inTransaction(s -> s.persist(new Citizen(1, SSN, "note", "4111", "Ada"))));
        assertTrue(cause(write, AlwaysEncryptedException.class).getMessage()
                .contains(EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS), write.toString());
        assertNoPlaintextStored(SSN);
    }

    @Test
    void aForgedEncryptTransitionPassesNoPlaintextOffAsDecrypted() {
        SessionFactory app = application(Map.of());
        app.inTransaction(s -> s.persist(new Citizen(1, SSN, "note", "4111", "Ada")));
        execute("update citizen set ssn = ? where id = 1", "000-00-0000".getBytes(StandardCharsets.UTF_8));
        insertTransition("citizen", "ssn", "ENCRYPT", "cek1", "cek1", "RUNNING", 1, randomTag());
        LifecycleTestSupport.poll(app);
        RuntimeException read = assertThrows(RuntimeException.class,
                () -> app.fromTransaction(s -> s.find(Citizen.class, 1L)));
        cause(read, LifecycleRecordException.class);

        // Even an authentic record from the operator lets no plaintext in without the application's own setting.
        LifecycleTestSupport.clear(db);
        SessionFactory restarted = application(Map.of());
        new RecordJournalWriter(operatorKeys()).transition("citizen", "ssn", ColumnTransition.Direction.ENCRYPT,
                ColumnTransition.Phase.RUNNING);
        LifecycleTestSupport.poll(restarted);
        RuntimeException stillRefused = assertThrows(RuntimeException.class,
                () -> restarted.fromTransaction(s -> s.find(Citizen.class, 1L)));
        cause(stillRefused, CellDecryptionException.class);
    }

    @Test
    void aMasterKeyPathTheApplicationDoesNotTrustIsRefusedBeforeAnyKeyStoreRequest() {
        SessionFactory app = application(Map.of());
        // The administrator makes a master key of their own (signed by it, so its metadata verifies), a column
        // encryption key wrapped by it, and a rotation of key name cek1 onto it, tagged with a key they hold.
        KeyRing attackerKeys = KeyHierarchy.builder().settings(Map.of(EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH,
                "true")).connections(ConnectionSource.of(DriverManagerDataSource.of(db))).provider(keyStore)
                .serviceLoader(false).build().keyRing();
        ColumnKeyAdministration attacker = ColumnKeyAdministration.builder().dataSource(DriverManagerDataSource.of(db))
                .settings(Map.of(EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH, "true")).provider(keyStore).build();
        attacker.createColumnMasterKey(ColumnMasterKeySpec.named("cmk_evil")
                .provider(TestRsaProvider.NAME).keyPath(PATH_EVIL));
        attacker.createColumnEncryptionKey("cek_evil", "cmk_evil");
        new RecordJournalWriter(attackerKeys).rotation("cek1", "cek1", "cek_evil", KeyRotation.Phase.ROTATING);
        int before = keyStore.accesses(PATH_EVIL);

        try (LogCapture log = LogCapture.of(Level.SEVERE)) {
            LifecycleTestSupport.poll(app);
            RuntimeException write = assertThrows(RuntimeException.class,
                    () -> app.inTransaction(s -> s.persist(new Citizen(2, SSN, "note", "4111", "Brook"))));
            LifecycleRecordException refused = cause(write, LifecycleRecordException.class);
            assertTrue(refused.record().contains("cek_evil"), refused.record());
            assertTrue(cause(write, ColumnMasterKeyException.class).getMessage().contains("not trusted"),
                    write.toString());
            assertTrue(log.errors().stream().anyMatch(m -> m.contains("cek_evil")), log.messages().toString());
        }
        assertEquals(before, keyStore.accesses(PATH_EVIL), "the application asked the untrusted key store nothing");
        assertNoCellUnder(attackerKeys, "cek_evil");
    }

    @Test
    void aMasterKeyRowPointedAtAnotherPathIsRefusedBeforeAnyKeyStoreRequest() {
        execute("update hae_column_master_keys set key_path = ? where name = ?", PATH_EVIL, "cmk1");
        try {
            int before = keyStore.accesses(PATH_EVIL);
            RuntimeException atStartup = assertThrows(RuntimeException.class, () -> application(Map.of()));
            assertTrue(cause(atStartup, ColumnMasterKeyException.class).getMessage().contains("not trusted"),
                    atStartup.toString());
            assertEquals(before, keyStore.accesses(PATH_EVIL), "the startup check asked the untrusted key store nothing");
            // What an application that started before the change meets (here: one that skipped the startup check).
            SessionFactory app = application(Map.of("hibernate.ae.key_cache_ttl", "0",
                    EncryptionSettings.STARTUP_CHECK, "false"));
            RuntimeException write = assertThrows(RuntimeException.class,
                    () -> app.inTransaction(s -> s.persist(new Citizen(3, SSN, "note", "4111", "Cole"))));
            assertTrue(cause(write, ColumnMasterKeyException.class).getMessage().contains("not trusted"),
                    write.toString());
            assertEquals(before, keyStore.accesses(PATH_EVIL));
        } finally {
            execute("update hae_column_master_keys set key_path = ? where name = ?", PATH_APP, "cmk1");
        }
    }

    @Test
    void anotherKeysValueCopiedUnderAKeysNameIsRefused() {
        byte[][] saved = keyRow("cek1");
        try {
            // The card key's wrapped value (signed by the master key, so it unwraps) and its name binding, copied
            // under cek1: attributes of cek1 would write under the card key.
            byte[][] cards = keyRow("cek_cards");
            execute("update hae_column_encryption_key_values set encrypted_value = ? where column_encryption_key_name"
                    + " = ?", cards[0], "cek1");
            for (byte[] nameTag : new byte[][] {saved[1], cards[1]}) {
                execute("update hae_column_encryption_keys set name_tag = ? where name = ?", nameTag, "cek1");
                RuntimeException atStartup = assertThrows(RuntimeException.class, () -> application(Map.of()));
                assertTrue(cause(atStartup, ColumnEncryptionKeyException.class).getMessage()
                        .contains("was not created under that name"), atStartup.toString());
                // What an application that started before the change meets (here: one that skipped the check).
                SessionFactory app = application(Map.of(EncryptionSettings.STARTUP_CHECK, "false"));
                RuntimeException write = assertThrows(RuntimeException.class,
                        () -> app.inTransaction(s -> s.persist(new Citizen(8, SSN, "note", null, "Hal"))));
                assertTrue(cause(write, ColumnEncryptionKeyException.class).getMessage()
                        .contains("was not created under that name"), write.toString());
            }
            assertNoCellUnder(operatorKeys(), "cek_cards");
        } finally {
            execute("update hae_column_encryption_key_values set encrypted_value = ? where column_encryption_key_name"
                    + " = ?", saved[0], "cek1");
            execute("update hae_column_encryption_keys set name_tag = ? where name = ?", saved[1], "cek1");
        }
    }

    /** The wrapped value and the name binding of a key, as stored. */
    private byte[][] keyRow(String key) {
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement("select v.encrypted_value, "
                + "k.name_tag from hae_column_encryption_key_values v join hae_column_encryption_keys k on "
                + "k.name = v.column_encryption_key_name where k.name = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return new byte[][] {rows.getBytes(1), rows.getBytes(2)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aForgedRotationCannotMoveAKeyNameOntoAnotherColumnsKey() {
        SessionFactory app = application(Map.of());
        // A genuine rotation of the card key, whose tag the administrator copies onto a row of their own.
        byte[] genuineTag = new RecordJournalWriter(operatorKeys()).rotation("cek_cards", "cek_cards",
                "cek_cards_v2", KeyRotation.Phase.ROTATING);
        insertRotation("cek1", "cek1", "cek_cards_v2", "ROTATING", 1, genuineTag);
        LifecycleTestSupport.poll(app);

        RuntimeException write = assertThrows(RuntimeException.class,
                () -> app.inTransaction(s -> s.persist(new Citizen(4, SSN, "note", null, "Dan"))));
        assertTrue(cause(write, LifecycleRecordException.class).getMessage().contains("does not authenticate"),
                write.toString());
        assertNoCellUnder(operatorKeys(), "cek_cards_v2");
        // The genuine rotation of the other key name is followed.
        app.inTransaction(s -> s.persist(new Citizen(5, null, null, "4111-1111", "Eve")));
        assertTrue(authenticates(operatorKeys(), "cek_cards_v2", storedCard(5)));
    }

    @Test
    void aReplayedRecordIsRefusedByARunningApplication() {
        SessionFactory app = application(Map.of());
        RecordJournalWriter operator = new RecordJournalWriter(operatorKeys());
        operator.rotation("cek1", "cek1", "cek1_v2", KeyRotation.Phase.ANNOUNCED);
        StoredRow announced = rotationRow("cek1");
        operator.rotation("cek1", "cek1", "cek1_v2", KeyRotation.Phase.ROTATING);
        LifecycleTestSupport.poll(app);
        app.inTransaction(s -> s.persist(new Citizen(6, SSN, "note", null, "Fay")));

        // The administrator puts the earlier (authentic) record back: the running application refuses it.
        execute("update hae_key_rotations set phase = ?, changed_at = ?, revision = ?, tag = ? where key_name = ?",
                announced.phase, announced.changedAt, announced.revision, announced.tag, "cek1");
        try (LogCapture log = LogCapture.of(Level.SEVERE)) {
            LifecycleTestSupport.poll(app);
            RuntimeException read = assertThrows(RuntimeException.class,
                    () -> app.fromTransaction(s -> s.find(Citizen.class, 6L)));
            assertTrue(cause(read, LifecycleRecordException.class).getMessage().contains("replayed"),
                    read.toString());
            assertFalse(log.errors().isEmpty());
        }

        // Deleting it instead would send cek1 back to its first key: refused as well.
        execute("delete from hae_key_rotations where key_name = ?", "cek1");
        LifecycleTestSupport.poll(app);
        RuntimeException write = assertThrows(RuntimeException.class,
                () -> app.inTransaction(s -> s.persist(new Citizen(7, SSN, "note", null, "Gus"))));
        assertTrue(cause(write, LifecycleRecordException.class).getMessage().contains("disappeared"),
                write.toString());
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Writes records as the operator's (or the attacker's) tools would, with whatever keys they hold. */
    private final class RecordJournalWriter {
        private final RecordJournal journal;

        RecordJournalWriter(KeyRing keys) {
            this.journal = new RecordJournal(keys);
        }

        byte[] rotation(String keyName, String source, String target, KeyRotation.Phase phase) {
            try (Connection c = db.connect()) {
                long revision = rotationRevision(c, keyName);
                journal.save(c, new KeyRotation(keyName, source, target, phase, now(), revision + 1));
                return rotationRow(keyName).tag;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void transition(String table, String column, ColumnTransition.Direction direction,
                ColumnTransition.Phase phase) {
            try (Connection c = db.connect()) {
                journal.save(c, new ColumnTransition(table, column, direction, "cek1", "cek1",
                        EncryptionType.DETERMINISTIC, phase, now(), 1));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static long rotationRevision(Connection c, String keyName) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select revision from hae_key_rotations where key_name = ?")) {
            select.setString(1, keyName);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private record StoredRow(String phase, LocalDateTime changedAt, long revision, byte[] tag) {
    }

    private StoredRow rotationRow(String keyName) {
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement(
                "select phase, changed_at, revision, tag from hae_key_rotations where key_name = ?")) {
            select.setString(1, keyName);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return new StoredRow(rows.getString(1), rows.getObject(2, LocalDateTime.class), rows.getLong(3),
                        rows.getBytes(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void insertTransition(String table, String column, String direction, String keyName, String key,
            String phase, long revision, byte[] tag) {
        execute("insert into hae_column_transitions (table_name, column_name, direction, key_name, "
                + "column_encryption_key, encryption_type, phase, changed_at, revision, tag) values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", table, column, direction, keyName, key, "DETERMINISTIC", phase,
                LocalDateTime.ofInstant(now(), ZoneOffset.UTC), revision, tag);
    }

    private void insertRotation(String keyName, String source, String target, String phase, long revision,
            byte[] tag) {
        execute("insert into hae_key_rotations (key_name, source_key, target_key, phase, changed_at, revision, tag) "
                + "values (?, ?, ?, ?, ?, ?, ?)", keyName, source, target, phase,
                LocalDateTime.ofInstant(now(), ZoneOffset.UTC), revision, tag);
    }

    private void assertNoPlaintextStored(String plaintext) {
        for (byte[] stored : column("ssn")) {
            for (byte[] form : List.of(plaintext.getBytes(StandardCharsets.UTF_8),
                    plaintext.getBytes(StandardCharsets.UTF_16LE))) {
                assertFalse(Bytes.contains(stored, form), "plaintext in citizen.ssn");
            }
        }
    }

    private void assertNoCellUnder(KeyRing keys, String key) {
        for (String column : List.of("ssn", "note")) {
            for (byte[] stored : column(column)) {
                assertFalse(authenticates(keys, key, stored), "a cell of citizen." + column + " under " + key);
            }
        }
    }

    private static boolean authenticates(KeyRing keys, String key, byte[] cell) {
        try {
            new CellCipher(keys.cellKey(key), EncryptionType.RANDOMIZED).decrypt(cell);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private byte[] storedCard(long id) {
        return LifecycleTestSupport.stored(db, "citizen", "card", "id = ?", id);
    }

    private List<byte[]> column(String column) {
        List<byte[]> values = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement("select " + column
                + " from citizen"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (rows.getBytes(1) != null) {
                    values.add(rows.getBytes(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private void execute(String sql, Object... parameters) {
        LifecycleTestSupport.execute(db, sql, parameters);
    }

    private static byte[] randomTag() {
        byte[] tag = new byte[32];
        new SecureRandom().nextBytes(tag);
        return tag;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (type.isInstance(suppressed)) {
                    return type.cast(suppressed);
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + e, e);
    }
}
