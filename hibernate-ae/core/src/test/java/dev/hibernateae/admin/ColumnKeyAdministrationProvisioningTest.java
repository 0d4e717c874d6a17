package dev.hibernateae.admin;

import static dev.hibernateae.testing.keys.KeyFixture.PATH_1;
import static dev.hibernateae.testing.keys.KeyFixture.PATH_2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.testing.keys.KeyFixture;
import dev.hibernateae.testing.keys.KeyTablesDatabase;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Provisioning keys that may exist already ({@code ensure...}) on each database: what is missing is created, what
 * exists is returned only once it is the key asked for and authentic, and two instances provisioning at once end with
 * one key, the loser of the insert comparing the winner's key as if it had been there before.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(KeyTables.Database.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColumnKeyAdministrationProvisioningTest {
    @Parameter
    KeyTables.Database kind;

    private KeyTablesDatabase database;
    private KeyFixture keys;
    private ColumnKeyAdministration admin;

    @BeforeParameterizedClassInvocation
    void openDatabase() {
        database = KeyTablesDatabase.open(kind);
        database.createKeyTables();
    }

    @AfterParameterizedClassInvocation
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyKeyTables() {
        database.clearKeyTables();
        keys = new KeyFixture(database);
        admin = keys.admin;
    }

    @Test
    void aMissingMasterKeyIsCreatedOnceAndThenReturnedAsItIs() {
        Provisioned<ColumnMasterKeyInfo> first = admin.ensureColumnMasterKey(cmk("cmk1", PATH_1));
        Provisioned<ColumnMasterKeyInfo> again = admin.ensureColumnMasterKey(cmk("cmk1", PATH_1));

        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.key(), again.key());
        assertEquals(List.of(first.key()), admin.listColumnMasterKeys());
        assertEquals(new ColumnMasterKeyInfo("cmk1", TestRsaProvider.NAME, PATH_1, false, first.key().createdAt()),
                first.key());
    }

    @Test
    void providerAndPathAreComparedWithoutRegardToCaseAsTheSignatureAndTrustedPathsDo() {
        ColumnMasterKeyInfo stored = admin.ensureColumnMasterKey(cmk("cmk1", PATH_1)).key();
        Provisioned<ColumnMasterKeyInfo> again = admin.ensureColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                .provider("test_rsa").keyPath(PATH_1.toUpperCase(Locale.ROOT)));
        assertFalse(again.created());
        assertEquals(stored, again.key(), "the key as stored");
    }

    @Test
    void aMasterKeyThatDiffersIsNeitherReturnedNorChanged() {
        ColumnMasterKeyInfo stored = admin.ensureColumnMasterKey(cmk("cmk1", PATH_1)).key();

        KeyMismatchException path = assertThrows(KeyMismatchException.class,
                () -> admin.ensureColumnMasterKey(cmk("cmk1", PATH_2)));
        assertEquals("cmk1", path.keyName());
        assertEquals(List.of(KeyMismatchException.KEY_PATH), path.fields());
        assertTrue(path.getMessage().contains("key path '" + PATH_1 + "' (asked: '" + PATH_2 + "')"),
                path.getMessage());
        assertTrue(path.getMessage().contains("give that key a new name"), path.getMessage());

        KeyMismatchException enclave = assertThrows(KeyMismatchException.class,
                () -> admin.ensureColumnMasterKey(cmk("cmk1", PATH_1).allowEnclaveComputations(true)));
        assertEquals(List.of(KeyMismatchException.ENCLAVE_COMPUTATIONS), enclave.fields());

        ColumnMasterKeySpec allDiffer = ColumnMasterKeySpec.named("cmk1").provider("OTHER_STORE").keyPath(PATH_2)
                .allowEnclaveComputations(true);
        KeyMismatchException all = assertThrows(KeyMismatchException.class,
                () -> admin.ensureColumnMasterKey(allDiffer));
        assertEquals(List.of(KeyMismatchException.PROVIDER, KeyMismatchException.KEY_PATH,
                KeyMismatchException.ENCLAVE_COMPUTATIONS), all.fields());
        assertTrue(all.getMessage().startsWith("Column master key 'cmk1' exists, but not as asked: it has provider "
                + TestRsaProvider.NAME + " (asked: OTHER_STORE), key path '" + PATH_1 + "' (asked: '" + PATH_2
                + "'), allow enclave computations false (asked: true)."), all.getMessage());

        assertEquals(List.of(stored), admin.listColumnMasterKeys());
    }

    @Test
    void anExistingMasterKeyIsReturnedOnlyOnceItsRowVerifies() {
        admin.ensureColumnMasterKey(cmk("cmk1", PATH_1));
        // The database administrator points the row at another key the application trusts, and asking for that
        // path would otherwise match.
        database.update("update " + KeyTables.MASTER_KEYS + " set key_path = ? where name = ?", PATH_2, "cmk1");
        ColumnMasterKeyException refused = assertThrows(ColumnMasterKeyException.class,
                () -> admin.ensureColumnMasterKey(cmk("cmk1", PATH_2)));
        assertTrue(refused.getMessage().startsWith("Column master key 'cmk1' (provider " + TestRsaProvider.NAME
                + ", key path '" + PATH_2 + "') cannot be used"), refused.getMessage());
        assertTrue(refused.getMessage().contains("does not verify"), refused.getMessage());

        ColumnKeyAdministration strict = ColumnKeyAdministration.builder().dataSource(database.dataSource())
                .settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH_1)).provider(keys.provider).build();
        ColumnMasterKeyException untrusted = assertThrows(ColumnMasterKeyException.class,
                () -> strict.ensureColumnMasterKey(cmk("cmk1", PATH_2)));
        assertTrue(untrusted.getMessage().contains("the key path is not trusted"), untrusted.getMessage());
    }

    @Test
    void aMissingEncryptionKeyIsCreatedOnceAndThenTheSameKeyIsReturned() {
        admin.ensureColumnMasterKey(cmk("cmk1", PATH_1));
        Provisioned<ColumnEncryptionKeyInfo> first = admin.ensureColumnEncryptionKey("cek1", "cmk1");
        byte[] created = fingerprint("cek1");
        Provisioned<ColumnEncryptionKeyInfo> again = admin.ensureColumnEncryptionKey("cek1", "cmk1");

        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.key(), again.key());
        assertEquals(List.of("cmk1"), again.key().columnMasterKeyNames());
        assertArrayEquals(created, fingerprint("cek1"));
        assertEquals(List.of(first.key()), admin.listColumnEncryptionKeys());
    }

    @Test
    void anEncryptionKeyThatTheNamedMasterKeyDoesNotWrapIsAMismatch() {
        keys.createKey("cek1", "cmk1", PATH_1);
        admin.ensureColumnMasterKey(cmk("cmk2", PATH_2));

        KeyMismatchException refused = assertThrows(KeyMismatchException.class,
                () -> admin.ensureColumnEncryptionKey("cek1", "cmk2"));
        assertEquals("cek1", refused.keyName());
        assertEquals(List.of(KeyMismatchException.COLUMN_MASTER_KEY), refused.fields());
        assertTrue(refused.getMessage().startsWith("Column encryption key 'cek1' exists, but column master key 'cmk2' "
                + "does not wrap it: its values are wrapped by [cmk1]."), refused.getMessage());
        assertTrue(refused.getMessage().contains("rotate-cmk"), refused.getMessage());
        assertEquals(List.of("cmk1"), admin.encryptionKey("cek1").columnMasterKeyNames());
    }

    @Test
    void duringAMasterKeyRotationEitherMasterKeyMatches() {
        keys.createKey("cek1", "cmk1", PATH_1);
        admin.ensureColumnMasterKey(cmk("cmk2", PATH_2));
        admin.addColumnEncryptionKeyValue("cek1", "cmk2");

        assertFalse(admin.ensureColumnEncryptionKey("cek1", "cmk1").created());
        assertFalse(admin.ensureColumnEncryptionKey("cek1", "cmk2").created());
        // The value of the master key asked for is the one checked, even when the other one is unreachable.
        keys.provider.unavailable(PATH_1, true);
        assertFalse(admin.ensureColumnEncryptionKey("cek1", "cmk2").created());
        assertThrows(ColumnMasterKeyException.class, () -> admin.ensureColumnEncryptionKey("cek1", "cmk1"));
    }

    @Test
    void anExistingEncryptionKeyIsReturnedOnlyOnceItUnwrapsToTheKeyOfItsName() throws SQLException {
        keys.createKey("cek1", "cmk1", PATH_1);
        admin.createColumnEncryptionKey("cek2", "cmk1");
        // The database administrator copies cek2's wrapped value (validly signed by cmk1) under cek1's name.
        database.update("update " + KeyTables.ENCRYPTION_KEY_VALUES + " set encrypted_value = ? "
                + "where column_encryption_key_name = ?", wrappedValue("cek2"), "cek1");
        ColumnEncryptionKeyException refused = assertThrows(ColumnEncryptionKeyException.class,
                () -> admin.ensureColumnEncryptionKey("cek1", "cmk1"));
        assertTrue(refused.getMessage().contains("'cek1' unwraps to a key that was not created under that name"),
                refused.getMessage());
    }

    @Test
    void anEncryptionKeyNeedsItsMasterKey() {
        ColumnMasterKeyException refused = assertThrows(ColumnMasterKeyException.class,
                () -> admin.ensureColumnEncryptionKey("cek1", "cmk1"));
        assertTrue(refused.getMessage().contains("create it first"), refused.getMessage());
        assertEquals(List.of(), admin.listColumnEncryptionKeys());
    }

    @Test
    void aMasterKeyInsertedByAnotherInstanceBetweenCheckAndInsertIsReturnedWhenItMatches() {
        ColumnKeyAdministration other = instance(database.dataSource());
        AtomicReference<Provisioned<ColumnMasterKeyInfo>> winner = new AtomicReference<>();
        ColumnKeyAdministration loser = instance(otherCommitsBeforeInsertInto(KeyTables.MASTER_KEYS,
                () -> winner.set(other.ensureColumnMasterKey(cmk("cmk1", PATH_1)))));

        Provisioned<ColumnMasterKeyInfo> lost = loser.ensureColumnMasterKey(cmk("cmk1", PATH_1));

        assertTrue(winner.get().created(), "the other instance ran between the check and the insert");
        assertFalse(lost.created());
        assertEquals(winner.get().key(), lost.key());
        assertEquals(List.of(lost.key()), admin.listColumnMasterKeys());
    }

    @Test
    void aDifferentMasterKeyInsertedByAnotherInstanceBetweenCheckAndInsertIsAMismatch() {
        ColumnKeyAdministration other = instance(database.dataSource());
        ColumnKeyAdministration loser = instance(otherCommitsBeforeInsertInto(KeyTables.MASTER_KEYS,
                () -> other.ensureColumnMasterKey(cmk("cmk1", PATH_2))));

        KeyMismatchException refused = assertThrows(KeyMismatchException.class,
                () -> loser.ensureColumnMasterKey(cmk("cmk1", PATH_1)));
        assertEquals(List.of(KeyMismatchException.KEY_PATH), refused.fields());
        assertEquals(PATH_2, admin.listColumnMasterKeys().get(0).keyPath());
    }

    @Test
    void creatingAMasterKeyThatAnotherInstanceJustInsertedSaysItExists() {
        ColumnKeyAdministration other = instance(database.dataSource());
        ColumnKeyAdministration loser = instance(otherCommitsBeforeInsertInto(KeyTables.MASTER_KEYS,
                () -> other.createColumnMasterKey(cmk("cmk1", PATH_1))));

        ColumnMasterKeyException refused = assertThrows(ColumnMasterKeyException.class,
                () -> loser.createColumnMasterKey(cmk("cmk1", PATH_1)));
        assertTrue(refused.getMessage().contains("'cmk1' already exists"), refused.getMessage());
    }

    @Test
    void anEncryptionKeyInsertedByAnotherInstanceBetweenCheckAndInsertIsReturnedWhenItMatches() {
        admin.ensureColumnMasterKey(cmk("cmk1", PATH_1));
        ColumnKeyAdministration other = instance(database.dataSource());
        AtomicReference<Provisioned<ColumnEncryptionKeyInfo>> winner = new AtomicReference<>();
        ColumnKeyAdministration loser = instance(otherCommitsBeforeInsertInto(KeyTables.ENCRYPTION_KEYS,
                () -> winner.set(other.ensureColumnEncryptionKey("cek1", "cmk1"))));

        Provisioned<ColumnEncryptionKeyInfo> lost = loser.ensureColumnEncryptionKey("cek1", "cmk1");

        assertTrue(winner.get().created(), "the other instance ran between the check and the insert");
        assertFalse(lost.created());
        assertEquals(winner.get().key(), lost.key());
        assertEquals(1, lost.key().values().size(), "the loser's value was rolled back with its key row");
        assertEquals(List.of(lost.key()), admin.listColumnEncryptionKeys());
        fingerprint("cek1");
    }

    @Test
    void anEncryptionKeyUnderAnotherMasterKeyInsertedBetweenCheckAndInsertIsAMismatch() {
        admin.ensureColumnMasterKey(cmk("cmk1", PATH_1));
        admin.ensureColumnMasterKey(cmk("cmk2", PATH_2));
        ColumnKeyAdministration other = instance(database.dataSource());
        ColumnKeyAdministration loser = instance(otherCommitsBeforeInsertInto(KeyTables.ENCRYPTION_KEYS,
                () -> other.ensureColumnEncryptionKey("cek1", "cmk2")));

        KeyMismatchException refused = assertThrows(KeyMismatchException.class,
                () -> loser.ensureColumnEncryptionKey("cek1", "cmk1"));
        assertTrue(refused.getMessage().contains("wrapped by [cmk2]"), refused.getMessage());
        assertEquals(List.of("cmk2"), admin.encryptionKey("cek1").columnMasterKeyNames());
    }

    @Test
    void twoInstancesStartingAtOnceEndWithOneKeyOfEachKind() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                database.clearKeyTables();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Started>> starts = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    ColumnKeyAdministration instance = instance(database.dataSource());
                    starts.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return new Started(instance.ensureColumnMasterKey(cmk("cmk1", PATH_1)),
                                instance.ensureColumnEncryptionKey("cek1", "cmk1"));
                    }));
                }
                Started a = starts.get(0).get(60, TimeUnit.SECONDS);
                Started b = starts.get(1).get(60, TimeUnit.SECONDS);

                assertTrue(a.masterKey().created() ^ b.masterKey().created(), "round " + round + ": " + a + ", " + b);
                assertTrue(a.encryptionKey().created() ^ b.encryptionKey().created(), "round " + round + ": " + a
                        + ", " + b);
                assertEquals(a.masterKey().key(), b.masterKey().key());
                assertEquals(a.encryptionKey().key(), b.encryptionKey().key());
                assertEquals(List.of(a.encryptionKey().key()), admin.listColumnEncryptionKeys());
                fingerprint("cek1");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private record Started(Provisioned<ColumnMasterKeyInfo> masterKey,
            Provisioned<ColumnEncryptionKeyInfo> encryptionKey) {
    }

    private static ColumnMasterKeySpec cmk(String name, String path) {
        return ColumnMasterKeySpec.named(name).provider(TestRsaProvider.NAME).keyPath(path);
    }

    /** Another application instance: its own administration over the database, the same key store. */
    private ColumnKeyAdministration instance(DataSource dataSource) {
        return ColumnKeyAdministration.builder().dataSource(dataSource).settings(KeyFixture.TRUSTED)
                .provider(keys.provider).build();
    }

    /**
     * The test database, except that {@code other} runs (on connections of its own, to completion) when a statement
     * inserting into {@code table} is first prepared: another instance committing the same key after this one found
     * the name free in its transaction, and before its insert.
     */
    private DataSource otherCommitsBeforeInsertInto(String table, Runnable other) {
        DataSource target = database.dataSource();
        AtomicBoolean ran = new AtomicBoolean();
        ClassLoader loader = getClass().getClassLoader();
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            Object result = invoke(method, target, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            return Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class}, (p, m, a) -> {
                if (m.getName().equals("prepareStatement") && a != null && a.length == 1
                        && a[0].toString().startsWith("insert into " + table + " ") && ran.compareAndSet(false, true)) {
                    other.run();
                }
                return invoke(m, connection, a);
            });
        });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private byte[] fingerprint(String key) {
        return KeyFixture.fingerprint(keys.hierarchy(Duration.ZERO).build().keyRing().cellKey(key));
    }

    private byte[] wrappedValue(String key) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("select encrypted_value from "
                        + KeyTables.ENCRYPTION_KEY_VALUES + " where column_encryption_key_name = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), key);
                return rows.getBytes(1);
            }
        }
    }
}
