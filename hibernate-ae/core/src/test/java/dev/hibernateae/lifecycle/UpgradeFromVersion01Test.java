package dev.hibernateae.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.LifecycleRecordException;
import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.internal.lifecycle.LifecycleTestSupport;
import dev.hibernateae.security.model.Citizen;
import dev.hibernateae.testing.DriverManagerDataSource;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database whose lifecycle tables hibernate-ae 0.1 made, holding a completed rotation it recorded without a tag:
 * the shipped upgrade script adds the columns, applications refuse the untagged record (they cannot tell it from a
 * forged one), and once the operator vouches for it ({@code authenticate-records --apply}) they follow it again.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class UpgradeFromVersion01Test {
    private static final String PATH = "keys/upgrade";

    @Parameter
    TestDatabase database;

    @Test
    void untaggedRecordsAreRefusedUntilTheOperatorVouchesForThem() {
        TestRsaProvider keyStore = new TestRsaProvider(TestRsaProvider.NAME, PATH);
        try (TestDatabase.Instance db = database.create()) {
            String timestamp = database == TestDatabase.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)";
            // The key tables as hibernate-ae 0.1 created them: today's, without the name binding.
            for (String sql : KeyTables.createStatements(kind()).subList(0, 3)) {
                LifecycleTestSupport.execute(db, sql);
            }
            LifecycleTestSupport.execute(db, "ALTER TABLE hae_column_encryption_keys DROP COLUMN name_tag");
            // The two lifecycle tables as hibernate-ae 0.1 created them.
            LifecycleTestSupport.execute(db, "CREATE TABLE hae_key_rotations (key_name VARCHAR(128) NOT NULL, "
                    + "source_key VARCHAR(128) NOT NULL, target_key VARCHAR(128) NOT NULL, phase VARCHAR(16) NOT NULL, "
                    + "changed_at " + timestamp + " NOT NULL, CONSTRAINT hae_key_rotations_pk PRIMARY KEY (key_name))");
            LifecycleTestSupport.execute(db, "CREATE TABLE hae_column_transitions (table_name VARCHAR(128) NOT NULL, "
                    + "column_name VARCHAR(128) NOT NULL, direction VARCHAR(16) NOT NULL, key_name VARCHAR(128) NOT "
                    + "NULL, encryption_type VARCHAR(16) NOT NULL, phase VARCHAR(16) NOT NULL, changed_at " + timestamp
                    + " NOT NULL, CONSTRAINT hae_column_transitions_pk PRIMARY KEY (table_name, column_name))");
            LifecycleTestSupport.execute(db, "insert into hae_key_rotations values (?, ?, ?, ?, ?)", "cek1", "cek1",
                    "cek1_v2", "COMPLETED", LocalDateTime.of(2026, 11, 1, 12, 0));
            LifecycleTestSupport.execute(db, "insert into hae_column_transitions values (?, ?, ?, ?, ?, ?, ?)",
                    "citizen", "note", "ENCRYPT", "cek1", "RANDOMIZED", "COMPLETED",
                    LocalDateTime.of(2026, 10, 1, 12, 0));

            KeyLifecycle lifecycle = KeyLifecycle.builder().dataSource(DriverManagerDataSource.of(db))
                    .settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH)).provider(keyStore).build();
            List<String> listed = lifecycle.authenticateLegacyRecords(false);
            assertEquals(2, listed.size(), listed.toString());
            assertTrue(listed.get(0).contains("rotation of key name 'cek1' from 'cek1' to 'cek1_v2'"), listed.get(0));
            lifecycle.administration().createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                    .provider(TestRsaProvider.NAME).keyPath(PATH));
            lifecycle.administration().createColumnEncryptionKey("cek1", "cmk1");
            lifecycle.administration().createColumnEncryptionKey("cek1_v2", "cmk1");
            lifecycle.administration().createColumnEncryptionKey("cek_cards", "cmk1");
            // A key as hibernate-ae 0.1 made it: no name binding.
            LifecycleTestSupport.execute(db, "update hae_column_encryption_keys set name_tag = null where name = ?",
                    "cek_cards");
            listed = lifecycle.authenticateLegacyRecords(false);
            assertEquals(3, listed.size(), listed.toString());
            assertTrue(listed.get(0).contains("'cek_cards' (no name binding)"), listed.get(0));

            Map<String, Object> settings = new HashMap<>();
            settings.put(EncryptionSettings.PROVIDERS, List.of(keyStore));
            settings.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH);
            settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H");
            settings.put("hibernate.hbm2ddl.auto", "update");
            // The startup check stops the application at once, naming the key and the command that binds it.
            RuntimeException atStartup = assertThrows(RuntimeException.class,
                    () -> TestSessionFactories.build(db, null, settings, Citizen.class).close());
            assertTrue(messages(atStartup).contains("'cek_cards' has no name binding")
                    && messages(atStartup).contains("authenticate-records"), messages(atStartup));
            Map<String, Object> unchecked = new HashMap<>(settings);
            unchecked.put(EncryptionSettings.STARTUP_CHECK, "false");
            try (SessionFactory app = TestSessionFactories.build(db, null, unchecked, Citizen.class)) {
                RuntimeException refused = assertThrows(RuntimeException.class, () -> app.inTransaction(
                        s -> s.persist(new Citizen(1, "100-00-0001", "n", null, "Ada"))));
                assertTrue(cause(refused) instanceof LifecycleRecordException, refused.toString());
            }

            assertEquals(3, lifecycle.authenticateLegacyRecords(true).size());
            assertEquals(List.of(), lifecycle.authenticateLegacyRecords(false), "nothing left to vouch for");
            assertTrue(lifecycle.status().rotations().get(0).authentic());
            try (SessionFactory app = TestSessionFactories.build(db, null, settings, Citizen.class)) {
                app.inTransaction(s -> s.persist(new Citizen(1, "100-00-0001", "n", "4111", "Ada")));
                assertEquals("4111", app.fromTransaction(s -> s.find(Citizen.class, 1L)).card);
            }
        }
    }

    private KeyTables.Database kind() {
        return KeyTables.Database.valueOf(database.name());
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static Throwable cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LifecycleRecordException) {
                return t;
            }
        }
        return e;
    }
}
