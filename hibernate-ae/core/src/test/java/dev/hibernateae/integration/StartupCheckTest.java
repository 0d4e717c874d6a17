package dev.hibernateae.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.KeyRingStates;
import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.security.model.Citizen;
import dev.hibernateae.spi.KeyRingListener;
import dev.hibernateae.spi.KeyRingState;
import dev.hibernateae.testing.DriverManagerDataSource;
import dev.hibernateae.testing.LogCapture;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A misconfigured key hierarchy stops the application when its session factory starts, naming the setting, or the
 * attributes and the key, to fix: not at the first query, after the deployment passed its health checks.
 */
class StartupCheckTest {
    static final String PATH = "keys/app-cmk";
    static final String OTHER_PATH = "keys/second-cmk";

    private final TestRsaProvider keyStore = new TestRsaProvider(TestRsaProvider.NAME, PATH, OTHER_PATH);

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyKeyIsUnwrappedOnceAtStartupAndServesTheFirstQueries(TestDatabase database) {
        try (TestDatabase.Instance db = database.create()) {
            provision(db, "cek1", "cek_cards");
            int provisioned = keyStore.unwraps(PATH);
            Events events = new Events();
            try (SessionFactory app = start(db, Map.of(EncryptionSettings.KEY_RING_LISTENERS, List.of(events)))) {
                assertEquals(Map.of("cek1", 1, "cek_cards", 1), events.unwrapped, "one unwrap per key, at startup");
                assertEquals(List.of(TestRsaProvider.NAME, TestRsaProvider.NAME), events.providers);
                assertEquals(provisioned + 2, keyStore.unwraps(PATH));

                app.inTransaction(s -> s.persist(new Citizen(1, "795-73-9838", "note", "4111", "Ada")));
                assertEquals(1, app.fromTransaction(s -> s.createSelectionQuery("from Citizen where ssn = :ssn",
                        Citizen.class).setParameter("ssn", "795-73-9838").getResultList()).size());

                assertEquals(provisioned + 2, keyStore.unwraps(PATH),
                        "the first queries used the keys unwrapped at startup");
                assertEquals(Map.of("cek1", 1, "cek_cards", 1), events.unwrapped);
                assertTrue(events.hits.get() > 0, "cells were served from the cache");
                assertTrue(events.failures.isEmpty(), events.failures.toString());

                KeyRingState state = KeyRingStates.of(app).orElseThrow();
                assertEquals(List.of("cek1", "cek_cards"),
                        state.cachedKeys().stream().map(KeyRingState.CachedKey::name).toList());
                for (KeyRingState.CachedKey key : state.cachedKeys()) {
                    assertEquals("cmk1", key.masterKeyName());
                    assertEquals(TestRsaProvider.NAME, key.providerName());
                    assertTrue(key.expiresIn().compareTo(Duration.ofHours(2)) <= 0
                            && key.expiresIn().compareTo(Duration.ofHours(1)) > 0, key.toString());
                }
                assertTrue(state.healthy() && state.failingKeys().isEmpty() && state.lastFailure().isEmpty());
                assertEquals(List.of("cek1", "cek_cards"), List.copyOf(state.mappedKeys()));
                assertTrue(state.unloadedKeys().isEmpty());
            }
        }
    }

    @Test
    void aKeyNameWithoutARowStopsStartupNamingTheAttributeAndTheKey() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            provision(db, "cek1");
            RuntimeException refused = assertThrows(RuntimeException.class, () -> start(db, Map.of()).close());
            ColumnEncryptionKeyException failure = causeOf(refused, ColumnEncryptionKeyException.class);
            String message = failure.getMessage();
            assertTrue(message.startsWith("hibernate-ae startup check: a column encryption key of encrypted "
                    + "attributes cannot be used."), message);
            assertTrue(message.contains("Key 'cek_cards' of Citizen.card: Column encryption key 'cek_cards' is not in "
                    + "table hae_column_encryption_keys"), message);
            assertTrue(message.contains("@Encrypted(key = ...)"), message);
            assertTrue(message.contains(EncryptionSettings.STARTUP_CHECK + "=false"), message);
            assertFalse(message.contains("'cek1'"), "the key that works is not blamed: " + message);
        }
    }

    @Test
    void anUntrustedMasterKeyPathStopsStartupBeforeAnyKeyStoreIsAsked() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            provision(db, "cek1", "cek_cards");
            int before = keyStore.accesses(PATH);
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> start(db, Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, OTHER_PATH)).close());
            String message = causeOf(refused, ColumnMasterKeyException.class).getMessage();
            assertTrue(message.startsWith("hibernate-ae startup check: 2 column encryption keys"), message);
            assertTrue(message.contains("Key 'cek1' of Citizen.note, Citizen.ssn: Column encryption key 'cek1' cannot "
                    + "use column master key 'cmk1'"), message);
            assertTrue(message.contains("Key 'cek_cards' of Citizen.card: "), message);
            assertTrue(message.contains("the key path is not trusted")
                    && message.contains(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS), message);
            assertEquals(before, keyStore.accesses(PATH), "no key store was asked about an untrusted path");
        }
    }

    @Test
    void aMasterKeyRowWhoseSignatureDoesNotVerifyStopsStartup() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            provision(db, "cek1", "cek_cards");
            execute(db, "update " + KeyTables.MASTER_KEYS + " set allow_enclave_computations = true");
            RuntimeException refused = assertThrows(RuntimeException.class, () -> start(db, Map.of()).close());
            String message = causeOf(refused, ColumnMasterKeyException.class).getMessage();
            assertTrue(message.contains("Citizen.ssn") && message.contains("does not verify"), message);
        }
    }

    @Test
    void aMissingKeystoreFileStopsStartupNamingTheLocationSetting() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            provision(db, "cek1", "cek_cards");
            Map<String, Object> settings = keystore(Path.of("target", "no-such-dir", "cmk.p12").toString(), "changeit");
            String message = causeOf(assertThrows(RuntimeException.class, () -> start(db, settings).close()),
                    ColumnMasterKeyException.class).getMessage();
            assertTrue(message.startsWith("hibernate-ae startup check: the keystore of provider MSSQL_JAVA_KEYSTORE "
                    + "cannot be used: "), message);
            assertTrue(message.contains("does not exist") && message.contains(EncryptionSettings.KEYSTORE_LOCATION),
                    message);
        }
    }

    /** Before there are key tables there are no keys, so none can need the keystore: it may come with them. */
    @Test
    void aKeystoreFileThatDoesNotExistYetIsAWarningWhileThereAreNoKeyTables() {
        try (TestDatabase.Instance db = TestDatabase.H2.create(); LogCapture log = LogCapture.of(Level.WARNING)) {
            Map<String, Object> settings = keystore(Path.of("target", "no-such-dir", "cmk.p12").toString(), "changeit");
            start(db, settings).close();
            assertTrue(log.messages().stream().anyMatch(m -> m.contains("cmk.p12 (setting "
                    + EncryptionSettings.KEYSTORE_LOCATION + ") does not exist")), log.messages().toString());

            Map<String, Object> wrongPassword = keystore(vectorKeystore(), "not-the-password");
            RuntimeException refused = assertThrows(RuntimeException.class, () -> start(db, wrongPassword).close());
            assertTrue(causeOf(refused, ColumnMasterKeyException.class).getMessage().contains("password is wrong"),
                    "a keystore that exists must open, key tables or not: " + refused);
        }
    }

    @Test
    void aWrongKeystorePasswordStopsStartupNamingThePasswordSettingsButNotThePassword() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            Map<String, Object> settings = keystore(vectorKeystore(), "not-the-password");
            RuntimeException refused = assertThrows(RuntimeException.class, () -> start(db, settings).close());
            String message = causeOf(refused, ColumnMasterKeyException.class).getMessage();
            assertTrue(message.contains("the password is wrong") && message.contains(EncryptionSettings.KEYSTORE_PASSWORD)
                    && message.contains(EncryptionSettings.KEYSTORE_PASSWORD_FILE), message);
            for (Throwable t = refused; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains("not-the-password"), "password in " + t);
            }
        }
    }

    @Test
    void aWrongKeystoreTypeStopsStartupNamingTheTypeSetting() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            Map<String, Object> settings = keystore(vectorKeystore(), "changeit");
            // (Not JKS: the JDK's JKS keystore reads PKCS12 files too.)
            settings.put(EncryptionSettings.KEYSTORE_TYPE, "BCFKS");
            String message = causeOf(assertThrows(RuntimeException.class, () -> start(db, settings).close()),
                    ColumnMasterKeyException.class).getMessage();
            assertTrue(message.contains("'BCFKS'") && message.contains(EncryptionSettings.KEYSTORE_TYPE), message);
        }
    }

    /** A new database: schema generation creates the key tables after the check, so there is nothing to check. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withoutKeyTablesTheKeysAreSkippedWithAWarningNamingTheTables(TestDatabase database) {
        try (TestDatabase.Instance db = database.create(); LogCapture log = LogCapture.of(Level.WARNING)) {
            Map<String, Object> settings = keystore(vectorKeystore(), "changeit");
            try (SessionFactory app = start(db, settings)) {
                String warning = log.messages().stream().filter(m -> m.startsWith("hibernate-ae startup check"))
                        .findFirst().orElseThrow(() -> new AssertionError(log.messages()));
                assertTrue(warning.contains(KeyTables.MASTER_KEYS + ", " + KeyTables.ENCRYPTION_KEYS + ", "
                        + KeyTables.ENCRYPTION_KEY_VALUES + " do not exist"), warning);
                assertTrue(warning.contains("'cek1' (Citizen.note, Citizen.ssn), 'cek_cards' (Citizen.card)"), warning);
                assertTrue(warning.contains("(the keystore opened)"), warning);
                KeyRingState state = KeyRingStates.of(app).orElseThrow();
                // Nothing loaded; column registration, once the tables exist, may have tried a key and failed.
                assertTrue(state.cachedKeys().isEmpty(), state.toString());
                assertEquals(List.of("cek1", "cek_cards"), List.copyOf(state.mappedKeys()));
            }
            // Schema generation created them: the next start checks the keys, and there are none.
            RuntimeException refused = assertThrows(RuntimeException.class, () -> start(db, settings).close());
            assertTrue(causeOf(refused, ColumnEncryptionKeyException.class).getMessage().contains("2 column "
                    + "encryption keys"), refused.toString());
        }
    }

    @Test
    void turnedOffTheApplicationStartsAndTheFirstUseFails() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            provision(db, "cek1");
            try (SessionFactory app = start(db, Map.of(EncryptionSettings.STARTUP_CHECK, "false"))) {
                RuntimeException write = assertThrows(RuntimeException.class,
                        () -> app.inTransaction(s -> s.persist(new Citizen(1, "795-73-9838", "n", "4111", "Ada"))));
                assertTrue(causeOf(write, ColumnEncryptionKeyException.class).getMessage().contains("cek_cards"),
                        write.toString());
            }
        }
    }

    @Test
    void aStartupCheckValueOtherThanTrueOrFalseIsRefused() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> start(db, Map.of(EncryptionSettings.STARTUP_CHECK, "sometimes")).close());
            String message = causeOf(refused, AlwaysEncryptedException.class).getMessage();
            assertTrue(message.contains(EncryptionSettings.STARTUP_CHECK) && message.contains("sometimes"), message);
        }
    }

    /**
     * An application that runs without one master key on purpose ({@code unreadable_attributes=null}) starts; the key
     * store failure is told to listeners and shows in the key ring's state until the key loads.
     */
    @Test
    void withUnreadableAttributesAsNullAKeyThatDoesNotUnwrapHereIsAWarning() {
        try (TestDatabase.Instance db = TestDatabase.H2.create(); LogCapture log = LogCapture.of(Level.WARNING)) {
            provision(db, "cek1");
            ColumnKeyAdministration admin = admin(db);
            admin.createColumnMasterKey("cmk2", TestRsaProvider.NAME, OTHER_PATH, false);
            admin.createColumnEncryptionKey("cek_cards", "cmk2");
            keyStore.unavailable(OTHER_PATH, true);
            Events events = new Events();
            Map<String, Object> settings = new HashMap<>();
            settings.put(EncryptionSettings.UNREADABLE_ATTRIBUTES, "null");
            settings.put(EncryptionSettings.KEY_RING_LISTENERS, List.of(events));
            try (SessionFactory app = start(db, settings)) {
                assertTrue(log.messages().stream().anyMatch(m -> m.contains("'cek_cards' cannot be unwrapped here, so "
                        + "Citizen.card load as null")), log.messages().toString());
                // Told at the check, and again when the lifecycle registers the columns: failures are not cached.
                assertFalse(events.failures.isEmpty());
                assertTrue(events.failures.stream().allMatch(("cek_cards " + TestRsaProvider.NAME + " "
                        + ColumnMasterKeyException.class.getName())::equals), events.failures.toString());
                KeyRingState state = KeyRingStates.of(app).orElseThrow();
                assertFalse(state.healthy());
                assertEquals("cek_cards", state.failingKeys().get(0).keyName());
                assertEquals(List.of("cek1"), state.cachedKeys().stream().map(KeyRingState.CachedKey::name).toList());

                keyStore.unavailable(OTHER_PATH, false);
                app.inTransaction(s -> s.persist(new Citizen(1, "795-73-9838", "n", "4111", "Ada")));
                KeyRingState recovered = KeyRingStates.of(app).orElseThrow();
                assertTrue(recovered.healthy(), recovered.failingKeys().toString());
                assertEquals("cek_cards", recovered.lastFailure().orElseThrow().keyName());
                assertEquals(2, recovered.cachedKeys().size());
            }
        }
    }

    private SessionFactory start(TestDatabase.Instance db, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(EncryptionSettings.PROVIDERS, List.of(keyStore));
        settings.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH + "," + OTHER_PATH + ",cmk1");
        settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H");
        settings.putAll(extra);
        return TestSessionFactories.build(db, null, settings, Citizen.class);
    }

    /** The key tables and, wrapped by master key cmk1 at {@link #PATH}, the named keys. */
    private void provision(TestDatabase.Instance db, String... keys) {
        for (String statement : KeyTables.createStatements(KeyTables.Database.valueOf(db.database().name()))) {
            execute(db, statement);
        }
        ColumnKeyAdministration admin = admin(db);
        admin.createColumnMasterKey("cmk1", TestRsaProvider.NAME, PATH, false);
        for (String key : keys) {
            admin.createColumnEncryptionKey(key, "cmk1");
        }
    }

    private ColumnKeyAdministration admin(TestDatabase.Instance db) {
        return ColumnKeyAdministration.builder().dataSource(DriverManagerDataSource.of(db))
                .settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH + "," + OTHER_PATH))
                .provider(keyStore).build();
    }

    private static Map<String, Object> keystore(String location, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(EncryptionSettings.KEYSTORE_LOCATION, location);
        settings.put(EncryptionSettings.KEYSTORE_PASSWORD, password);
        return settings;
    }

    private static String vectorKeystore() {
        return Path.of(System.getProperty("ae.vectors.dir", "src/test/resources/vectors"), "cmk-keystore.p12")
                .toString();
    }

    private static void execute(TestDatabase.Instance db, String sql) {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql, e);
        }
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        return KeyHierarchyEndToEndTest.causeOf(e, type);
    }

    /** What a metrics listener would count. */
    static final class Events implements KeyRingListener {
        final Map<String, Integer> unwrapped = new ConcurrentHashMap<>();
        final List<String> providers = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicInteger hits = new AtomicInteger();
        final AtomicInteger misses = new AtomicInteger();

        @Override
        public void keyUnwrapped(String keyName, String providerName, Duration duration) {
            unwrapped.merge(keyName, 1, Integer::sum);
            providers.add(providerName);
            assertFalse(duration.isNegative());
        }

        @Override
        public void cacheHit(String keyName) {
            hits.incrementAndGet();
        }

        @Override
        public void cacheMiss(String keyName) {
            misses.incrementAndGet();
        }

        @Override
        public void keyStoreFailed(String keyName, String providerName, Class<? extends Throwable> failure,
                Duration duration) {
            failures.add(keyName + " " + providerName + " " + failure.getName());
        }
    }
}
