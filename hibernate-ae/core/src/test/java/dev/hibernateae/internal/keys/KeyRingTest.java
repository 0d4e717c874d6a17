package dev.hibernateae.internal.keys;

import static dev.hibernateae.testing.keys.KeyFixture.PATH_1;
import static dev.hibernateae.testing.keys.KeyFixture.fingerprint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.testing.keys.KeyFixture;
import dev.hibernateae.testing.keys.KeyTablesDatabase;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The key ring over the key tables of each database: caching, single flight, outages, and the master key checks. */
@ParameterizedClass(name = "{0}")
@EnumSource(KeyTables.Database.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyRingTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Parameter
    KeyTables.Database kind;

    private KeyTablesDatabase database;
    private KeyFixture keys;

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
    void freshKeys() {
        database.clearKeyTables();
        keys = new KeyFixture(database);
        keys.createKey("cek1", "cmk1", PATH_1);
    }

    @Test
    void aCachedKeyIsUnwrappedOnceWithinItsTimeToLive() {
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        CellKey first = ring.cellKey("cek1");
        for (int i = 0; i < 10; i++) {
            keys.advance(Duration.ofMinutes(5));
            assertSame(first, ring.cellKey("cek1"));
        }
        assertEquals(1, keys.provider.unwraps());
    }

    @Test
    void aZeroTimeToLiveUnwrapsOnEveryLookup() {
        CachingKeyRing ring = keys.hierarchy(Duration.ZERO).build().keyRing();
        CellKey first = ring.cellKey("cek1");
        for (int i = 0; i < 4; i++) {
            CellKey again = ring.cellKey("cek1");
            assertNotSame(first, again);
            assertArrayEquals(fingerprint(first), fingerprint(again));
        }
        assertEquals(5, keys.provider.unwraps());
        assertEquals(0, ring.size(), "a zero time to live keeps nothing");
    }

    @Test
    void aKeyIsUnwrappedAgainOnceItsTimeToLiveEnds() {
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        CellKey first = ring.cellKey("cek1");
        keys.advance(HOUR);
        CellKey second = ring.cellKey("cek1");
        assertNotSame(first, second);
        assertEquals(2, keys.provider.unwraps());
    }

    @Test
    void thirtyTwoThreadsAskingForOneColdKeyCauseOneUnwrap() throws Exception {
        keys.createKey("slow-key", "cmk-slow", "slow");
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        TestRsaProvider.Gate gate = keys.provider.gate("slow");
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Thread> callers = new ArrayList<>();
            CountDownLatch started = new CountDownLatch(threads);
            List<Future<CellKey>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    synchronized (callers) {
                        callers.add(Thread.currentThread());
                    }
                    started.countDown();
                    return ring.cellKey("slow-key");
                }));
            }
            gate.awaitFirstArrival();
            assertTrue(started.await(60, TimeUnit.SECONDS));
            // Every caller is parked: one at the gate, the rest waiting for its load (with a cache but without
            // single flight they would be parked at the gate too, and the count below would show it).
            awaitAllWaiting(callers);
            gate.open();
            CellKey key = results.get(0).get(60, TimeUnit.SECONDS);
            for (Future<CellKey> result : results) {
                assertSame(key, result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, gate.arrivals());
            assertEquals(1, keys.provider.unwraps("slow"));
        } finally {
            gate.open();
            pool.shutdownNow();
        }
    }

    @Test
    void anUnwrapOfOneKeyNeverWaitsForAnotherKeysUnwrap() throws Exception {
        keys.createKey("slow-key", "cmk-slow", "slow");
        keys.createKey("fast-key", "cmk-fast", "fast");
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        TestRsaProvider.Gate gate = keys.provider.gate("slow");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CellKey> slow = pool.submit(() -> ring.cellKey("slow-key"));
            gate.awaitFirstArrival();
            // The slow unwrap is now held inside the key store; the other key must load regardless.
            Future<CellKey> fast = pool.submit(() -> ring.cellKey("fast-key"));
            CellKey fastKey = fast.get(60, TimeUnit.SECONDS);
            assertFalse(slow.isDone(), "the slow key is still held at the gate");
            assertEquals(1, keys.provider.unwraps("fast"));
            gate.open();
            assertNotSame(fastKey, slow.get(60, TimeUnit.SECONDS));
        } finally {
            gate.open();
            pool.shutdownNow();
        }
    }

    @Test
    void aCachedKeyKeepsWorkingWhileTheKeyStoreIsDownUntilItsTimeToLiveEnds() {
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        CellKey key = ring.cellKey("cek1");
        keys.provider.down(true);
        keys.advance(HOUR.minusSeconds(1));
        assertSame(key, ring.cellKey("cek1"));
        keys.advance(Duration.ofSeconds(1));
        ColumnMasterKeyException failure = assertThrows(ColumnMasterKeyException.class, () -> ring.cellKey("cek1"));
        assertTrue(failure.getMessage().contains("'cek1'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("'cmk1'"), failure.getMessage());
        assertTrue(failure.getMessage().contains(PATH_1), failure.getMessage());
        assertTrue(failure.getMessage().contains("unreachable"), failure.getMessage());
    }

    @Test
    void aKeyLoadsAgainOnceTheKeyStoreIsBack() {
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        keys.provider.down(true);
        assertThrows(ColumnMasterKeyException.class, () -> ring.cellKey("cek1"));
        keys.provider.down(false);
        ring.cellKey("cek1");
        assertEquals(1, ring.size());
    }

    @Test
    void unwrappedKeyBytesAreZeroedOnceTheCellKeysAreDerived() {
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        ring.cellKey("cek1");
        assertEquals(1, keys.provider.returnedKeys().size());
        assertArrayEquals(new byte[32], keys.provider.returnedKeys().get(0));
    }

    @Test
    void anExpiredKeyKeepsWorkingForAThreadThatStillHoldsIt() {
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        CellKey held = ring.cellKey("cek1");
        keys.advance(HOUR.multipliedBy(2));
        CellKey fresh = ring.cellKey("cek1");
        ring.evictExpired();
        ring.invalidateAll();

        assertFalse(held.isDestroyed());
        byte[] plaintext = "still mine".getBytes(StandardCharsets.UTF_16LE);
        byte[] cell = new CellCipher(held, EncryptionType.RANDOMIZED).encrypt(plaintext);
        assertArrayEquals(plaintext, new CellCipher(fresh, EncryptionType.RANDOMIZED).decrypt(cell));
        assertArrayEquals(plaintext, new CellCipher(held, EncryptionType.RANDOMIZED).decrypt(cell));
    }

    @Test
    void aMasterKeyWhosePathIsNotTrustedIsRefused() {
        CachingKeyRing ring = keys.hierarchy(HOUR).trustedPaths(TrustedMasterKeyPaths.only(List.of("some/other")))
                .build().keyRing();
        ColumnMasterKeyException failure = assertThrows(ColumnMasterKeyException.class, () -> ring.cellKey("cek1"));
        assertTrue(failure.getMessage().contains("not trusted"), failure.getMessage());
        assertTrue(failure.getMessage().contains(PATH_1), failure.getMessage());
        assertTrue(failure.getMessage().contains("hibernate.ae.trusted_master_key_paths"), failure.getMessage());
        assertEquals(0, keys.provider.unwraps(), "an untrusted key store is never asked");
    }

    @Test
    void aTrustedPathMatchesWhateverItsCase() {
        CachingKeyRing ring = keys.hierarchy(HOUR)
                .trustedPaths(TrustedMasterKeyPaths.only(List.of(PATH_1.toUpperCase(java.util.Locale.ROOT))))
                .build().keyRing();
        ring.cellKey("cek1");
        assertEquals(1, keys.provider.unwraps());
    }

    @Test
    void aFlippedEnclaveFlagFailsTheMasterKeySignature() {
        database.update("update " + KeyTables.MASTER_KEYS + " set allow_enclave_computations = ? where name = ?",
                true, "cmk1");
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        ColumnMasterKeyException failure = assertThrows(ColumnMasterKeyException.class, () -> ring.cellKey("cek1"));
        assertTrue(failure.getMessage().contains("does not verify"), failure.getMessage());
        assertTrue(failure.getMessage().contains("'cmk1'"), failure.getMessage());
        assertEquals(0, keys.provider.unwraps());
    }

    @Test
    void aRedirectedKeyPathFailsTheMasterKeySignature() {
        // The administrator points the row at another key the store holds; the signature was made for the old path.
        database.update("update " + KeyTables.MASTER_KEYS + " set key_path = ? where name = ?",
                KeyFixture.PATH_2, "cmk1");
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        ColumnMasterKeyException failure = assertThrows(ColumnMasterKeyException.class, () -> ring.cellKey("cek1"));
        assertTrue(failure.getMessage().contains("does not verify"), failure.getMessage());
        assertTrue(failure.getMessage().contains(KeyFixture.PATH_2), failure.getMessage());
    }

    @Test
    void aKeyWithTwoValuesUsesTheSecondMasterKeyWhenTheFirstIsUnavailable() {
        byte[] expected = fingerprint(keys.hierarchy(HOUR).build().keyRing().cellKey("cek1"));
        keys.admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk2")
                .provider(TestRsaProvider.NAME).keyPath(KeyFixture.PATH_2));
        keys.admin.addColumnEncryptionKeyValue("cek1", "cmk2");
        keys.provider.unavailable(PATH_1, true);

        CellKey key = keys.hierarchy(HOUR).build().keyRing().cellKey("cek1");
        assertArrayEquals(expected, fingerprint(key));
    }

    @Test
    void aKeyWithTwoValuesUsesTheFirstMasterKeyWhenTheSecondIsUnavailable() {
        byte[] expected = fingerprint(keys.hierarchy(HOUR).build().keyRing().cellKey("cek1"));
        keys.admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk2")
                .provider(TestRsaProvider.NAME).keyPath(KeyFixture.PATH_2));
        keys.admin.addColumnEncryptionKeyValue("cek1", "cmk2");
        keys.provider.unavailable(KeyFixture.PATH_2, true);

        CellKey key = keys.hierarchy(HOUR).build().keyRing().cellKey("cek1");
        assertArrayEquals(expected, fingerprint(key));
    }

    @Test
    void aKeyWhoseMasterKeysAreAllUnavailableFailsNamingEachOfThem() {
        keys.admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk2")
                .provider(TestRsaProvider.NAME).keyPath(KeyFixture.PATH_2));
        keys.admin.addColumnEncryptionKeyValue("cek1", "cmk2");
        keys.provider.unavailable(PATH_1, true);
        keys.provider.unavailable(KeyFixture.PATH_2, true);

        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        ColumnEncryptionKeyException failure = assertThrows(ColumnEncryptionKeyException.class,
                () -> ring.cellKey("cek1"));
        assertTrue(failure.getMessage().contains("any of its 2 column master keys"), failure.getMessage());
        assertTrue(failure.getMessage().contains("'cmk1'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("'cmk2'"), failure.getMessage());
        assertEquals(1, failure.getSuppressed().length);
    }

    @Test
    void aKeyMissingFromTheDatabaseIsAnErrorNamingIt() {
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        ColumnEncryptionKeyException failure = assertThrows(ColumnEncryptionKeyException.class,
                () -> ring.cellKey("no-such-key"));
        assertTrue(failure.getMessage().contains("'no-such-key' is not in the database"), failure.getMessage());
        assertTrue(failure.getMessage().contains("createColumnEncryptionKey"), failure.getMessage());
    }

    @Test
    void aFailedLoadIsNotCached() {
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        assertThrows(ColumnEncryptionKeyException.class, () -> ring.cellKey("late-key"));
        keys.admin.createColumnEncryptionKey("late-key", "cmk1");
        ring.cellKey("late-key");
    }

    @Test
    void aTruncatedEncryptedValueIsAnErrorNamingTheKeys() {
        database.update("update " + KeyTables.ENCRYPTION_KEY_VALUES + " set encrypted_value = ?"
                + " where column_encryption_key_name = ?", new byte[] {1, 2, 0, 0}, "cek1");
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        ColumnEncryptionKeyException failure = assertThrows(ColumnEncryptionKeyException.class,
                () -> ring.cellKey("cek1"));
        assertTrue(failure.getMessage().contains("'cek1' could not be unwrapped with column master key 'cmk1'"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("malformed"), failure.getMessage());
    }

    @Test
    void anAlteredEncryptedValueIsAnErrorNamingTheKeys() {
        byte[] value = storedValue();
        value[value.length - 300] ^= 0x01; // inside the wrapped key, covered by the value's signature
        database.update("update " + KeyTables.ENCRYPTION_KEY_VALUES + " set encrypted_value = ?"
                + " where column_encryption_key_name = ?", value, "cek1");
        CachingKeyRing ring = keys.hierarchy(HOUR).build().keyRing();
        ColumnEncryptionKeyException failure = assertThrows(ColumnEncryptionKeyException.class,
                () -> ring.cellKey("cek1"));
        assertTrue(failure.getMessage().contains("'cek1'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("does not verify"), failure.getMessage());
    }

    @Test
    void anUnknownProviderIsAnErrorListingTheRegisteredProviders() {
        CachingKeyRing ring = KeyHierarchy.builder().settings(KeyFixture.TRUSTED)
                .connections(ConnectionSource.of(database.dataSource())).provider(new TestRsaProvider("OTHER_STORE")).serviceLoader(false).build().keyRing();
        ColumnMasterKeyException failure = assertThrows(ColumnMasterKeyException.class, () -> ring.cellKey("cek1"));
        assertTrue(failure.getMessage().contains("Unknown column master key provider '" + TestRsaProvider.NAME + "'"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("OTHER_STORE"), failure.getMessage());
        assertTrue(failure.getMessage().contains("MSSQL_JAVA_KEYSTORE"), failure.getMessage());
    }

    private byte[] storedValue() {
        return keys.hierarchy(HOUR).build().catalog().inTransaction("read", tx -> tx.findEncryptionKey("cek1", false))
                .orElseThrow().values().get(0).encryptedValue();
    }

    private static void awaitAllWaiting(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            boolean allParked;
            synchronized (threads) {
                allParked = threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                        || t.getState() == Thread.State.TIMED_WAITING);
            }
            if (allParked) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("callers never all parked");
            }
            Thread.sleep(5);
        }
    }
}
