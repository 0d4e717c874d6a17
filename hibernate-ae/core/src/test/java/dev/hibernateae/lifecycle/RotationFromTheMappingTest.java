package dev.hibernateae.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.LifecycleRecordException;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.lifecycle.LifecycleTestSupport;
import dev.hibernateae.lifecycle.model.Household;
import dev.hibernateae.testing.DriverManagerDataSource;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A rotation that knows the mapping: the application registers its encrypted columns at startup, and
 * {@code rotateEncryptionKey} with no columns re-encrypts exactly those of the key name, an element collection
 * table without a primary key included, after checking everything before it announces anything. The key rotated
 * from can then be dropped without force; before, it cannot.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class RotationFromTheMappingTest {
    private static final String PATH = "keys/mapping";

    @Parameter
    TestDatabase database;

    @Test
    void aRotationFindsEveryColumnOfItsKeyNameAndTheOldKeyCanThenBeDropped() throws SQLException {
        TestRsaProvider keyStore = new TestRsaProvider(TestRsaProvider.NAME, PATH);
        try (TestDatabase.Instance db = database.create()) {
            Map<String, Object> settings = new HashMap<>();
            settings.put(EncryptionSettings.PROVIDERS, List.of(keyStore));
            settings.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH);
            settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H");
            settings.put("hibernate.hbm2ddl.auto", "create");
            try (SessionFactory first = TestSessionFactories.build(db, null, settings, Household.class)) {
                ColumnKeyAdministration admin = ColumnKeyAdministration.builder().sessionFactory(first).build();
                admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                        .provider(TestRsaProvider.NAME).keyPath(PATH));
                for (String key : List.of("cek1", "cek1_v2", "cek_cards")) {
                    admin.createColumnEncryptionKey(key, "cmk1");
                }
                // Started before its keys existed, the application could not register; the next poll does.
                assertEquals(List.of(), registered(db));
                LifecycleTestSupport.poll(first);
                assertEquals(List.of("household.card", "household.ssn", "household_member.member_name"),
                        registered(db));
                LifecycleTestSupport.execute(db, "delete from hae_encrypted_columns");
            }
            settings.put("hibernate.hbm2ddl.auto", "none");
            try (SessionFactory app = TestSessionFactories.build(db, null, settings, Household.class)) {
                // Registered at startup, now that the keys exist.
                assertEquals(List.of("household.card", "household.ssn", "household_member.member_name"),
                        registered(db));
                app.inTransaction(s -> {
                    for (long id = 1; id <= 120; id++) {
                        s.persist(new Household(id, ssn(id), "4111-" + id, List.of("m" + id, "n" + id, "m" + id)));
                    }
                });
                KeyLifecycle lifecycle = KeyLifecycle.builder().dataSource(DriverManagerDataSource.of(db))
                        .settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH)).provider(keyStore)
                        .build();
                ColumnKeyAdministration admin = lifecycle.administration();
                ColumnEncryptionKeyException inUse = assertThrows(ColumnEncryptionKeyException.class,
                        () -> admin.dropColumnEncryptionKey("cek1"));
                assertTrue(inUse.getMessage().contains("key name 'cek1' writes with it"), inUse.getMessage());

                JobOptions options = JobOptions.DEFAULTS.withWaitBeforeRewrite(Duration.ZERO).withBatchSize(50);
                JobReport report = lifecycle.rotateEncryptionKey("cek1", "cek1_v2", List.of(), options);
                assertTrue(report.completed(), report.toString());
                assertEquals(120 + 360, report.rewritten(), report.toString());

                CellKey next = cellKey(db, keyStore, "cek1_v2");
                assertTrue(everyCellUnder(db, next, "household", "ssn"));
                assertTrue(everyCellUnder(db, next, "household_member", "member_name"));
                assertFalse(anyCellUnder(db, next, "household", "card"), "another key name's column is untouched");

                LifecycleTestSupport.poll(app);
                Household read = app.fromTransaction(s -> s.createSelectionQuery("from Household where ssn = :s",
                        Household.class).setParameter("s", ssn(7)).getSingleResult());
                // A bag has no order: compared as a multiset.
                assertEquals(List.of("m7", "m7", "n7"), read.members.stream().sorted().toList());

                admin.dropColumnEncryptionKey("cek1");
                assertFalse(admin.listColumnEncryptionKeys().stream().anyMatch(k -> k.name().equals("cek1")));
                assertEquals("4111-9", app.fromTransaction(s -> s.find(Household.class, 9L)).card);
                ColumnEncryptionKeyException cards = assertThrows(ColumnEncryptionKeyException.class,
                        () -> admin.dropColumnEncryptionKey("cek_cards"));
                assertTrue(cards.getMessage().contains("cek_cards"), cards.getMessage());
            }
        }
    }

    @Test
    void aForgedRegistrationOrAMissingTableStopsTheRotationBeforeItAnnouncesAnything() throws SQLException {
        TestRsaProvider keyStore = new TestRsaProvider(TestRsaProvider.NAME, PATH);
        try (TestDatabase.Instance db = database.create()) {
            KeyLifecycle lifecycle = KeyLifecycle.builder().dataSource(DriverManagerDataSource.of(db))
                    .settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH)).provider(keyStore).build();
            lifecycle.createTables();
            lifecycle.administration().createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                    .provider(TestRsaProvider.NAME).keyPath(PATH));
            lifecycle.administration().createColumnEncryptionKey("cek1", "cmk1");
            lifecycle.administration().createColumnEncryptionKey("cek1_v2", "cmk1");
            LifecycleTestSupport.execute(db, "create table secrets (id bigint primary key, secret "
                    + (database == TestDatabase.POSTGRESQL ? "bytea" : "varbinary(100)") + ")");
            // The administrator registers a column of their choosing under cek1: the job would rewrite it.
            LifecycleTestSupport.execute(db, "insert into hae_encrypted_columns (table_name, column_name, attribute, "
                    + "key_name, encryption_type, row_key, registered_at, tag_key, tag) values (?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?)", "secrets", "secret", "x.Secret.secret", "cek1", "DETERMINISTIC", "id",
                    LocalDateTime.now(), "cek1", new byte[32]);
            JobOptions options = JobOptions.DEFAULTS.withWaitBeforeRewrite(Duration.ZERO);
            LifecycleRecordException forged = assertThrows(LifecycleRecordException.class,
                    () -> lifecycle.rotateEncryptionKey("cek1", "cek1_v2", List.of(), options));
            assertTrue(forged.getMessage().contains("secrets.secret"), forged.getMessage());
            assertTrue(lifecycle.status().rotations().isEmpty(), "nothing was announced");

            RuntimeException missing = assertThrows(RuntimeException.class, () -> lifecycle.rotateEncryptionKey(
                    "cek1", "cek1_v2", List.of(ColumnRef.of("no_such_table", "secret")), options));
            assertTrue(missing.getMessage().contains("no_such_table"), missing.getMessage());
            assertTrue(lifecycle.status().rotations().isEmpty(), "nothing was announced");
        }
    }

    private static String ssn(long id) {
        return String.format("%03d-00-%04d", id, id);
    }

    private static CellKey cellKey(TestDatabase.Instance db, TestRsaProvider keyStore, String name) {
        return dev.hibernateae.internal.keys.KeyHierarchy.builder()
                .settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH)).connections(db::connect)
                .provider(keyStore).serviceLoader(false).build().keyRing().cellKey(name);
    }

    private static List<String> registered(TestDatabase.Instance db) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement(
                "select table_name, column_name from hae_encrypted_columns order by table_name, column_name");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                columns.add((rows.getString(1) + "." + rows.getString(2)).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return columns;
    }

    private static boolean everyCellUnder(TestDatabase.Instance db, CellKey key, String table, String column)
            throws SQLException {
        List<byte[]> cells = cells(db, table, column);
        return !cells.isEmpty() && cells.stream().allMatch(cell -> under(key, cell));
    }

    private static boolean anyCellUnder(TestDatabase.Instance db, CellKey key, String table, String column)
            throws SQLException {
        return cells(db, table, column).stream().anyMatch(cell -> under(key, cell));
    }

    private static List<byte[]> cells(TestDatabase.Instance db, String table, String column) throws SQLException {
        List<byte[]> cells = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement("select " + column + " from "
                + table + " where " + column + " is not null"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                cells.add(rows.getBytes(1));
            }
        }
        return cells;
    }

    private static boolean under(CellKey key, byte[] cell) {
        try {
            new CellCipher(key, EncryptionType.RANDOMIZED).decrypt(cell);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
