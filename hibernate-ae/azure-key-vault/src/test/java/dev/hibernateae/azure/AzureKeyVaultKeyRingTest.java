package dev.hibernateae.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.azure.testing.LocalKeyVault;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.keys.ConnectionSource;
import dev.hibernateae.internal.keys.KeyHierarchy;
import dev.hibernateae.internal.keys.KeyRing;
import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.testing.keys.KeyTablesDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key ring over Azure Key Vault: one unwrap per key however many threads ask, and outages within the TTL. */
class AzureKeyVaultKeyRingTest {
    private static final Duration TTL = Duration.ofMinutes(10);

    private LocalKeyVault vault;
    private KeyTablesDatabase database;
    private AzureKeyVaultProvider provider;
    private String keyUrl;
    private final AtomicLong nanos = new AtomicLong();

    @BeforeEach
    void keys() {
        vault = LocalKeyVault.start();
        keyUrl = vault.createRsaKey("cmk-ring", 2048);
        provider = vault.providerBuilder().build();
        database = KeyTablesDatabase.open(KeyTables.Database.H2);
        database.createKeyTables();
        ColumnKeyAdministration admin = ColumnKeyAdministration.builder().dataSource(database.dataSource())
                .settings(trusted()).provider(provider).build();
        admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                .provider(AzureKeyVaultProvider.NAME).keyPath(keyUrl));
        admin.createColumnEncryptionKey("cek1", "cmk1");
        admin.createColumnEncryptionKey("cek2", "cmk1");
        vault.resetCalls();
    }

    @AfterEach
    void close() {
        vault.close();
        database.close();
    }

    /** The application trusts the vault key it created, by its URL. */
    private Map<String, Object> trusted() {
        return Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, keyUrl);
    }

    private KeyRing ring() {
        return KeyHierarchy.builder().settings(trusted()).connections(ConnectionSource.of(database.dataSource()))
                .provider(provider)
                .serviceLoader(false).keyCacheTtl(TTL).nanoClock(nanos::get).build().keyRing();
    }

    @Test
    void thirtyTwoThreadsAskingForOneColdKeyCauseOneUnwrap() throws Exception {
        KeyRing ring = ring();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<CellKey>> keys = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                keys.add(pool.submit(() -> {
                    start.await();
                    return ring.cellKey("cek1");
                }));
            }
            start.countDown();
            CellKey first = keys.get(0).get(30, TimeUnit.SECONDS);
            for (Future<CellKey> key : keys) {
                assertSame(first, key.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, vault.calls(LocalKeyVault.Operation.UNWRAP_KEY));
        ring.cellKey("cek2");
        assertEquals(2, vault.calls(LocalKeyVault.Operation.UNWRAP_KEY), "another key is unwrapped on its own");
    }

    @Test
    void cachedKeysOutliveAVaultOutageUntilTheirTtlThenFailClosedNamingTheMasterKey() {
        KeyRing ring = ring();
        CellKey cached = ring.cellKey("cek1");
        vault.stop();
        nanos.addAndGet(TTL.minusSeconds(1).toNanos());
        assertSame(cached, ring.cellKey("cek1"), "within the TTL the vault is not needed");

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        AlwaysEncryptedException e = assertThrows(AlwaysEncryptedException.class, () -> ring.cellKey("cek1"));
        String message = e.getMessage();
        assertTrue(message.contains("cek1") && message.contains("cmk1") && message.contains(keyUrl), message);

        vault.restart();
        ring.cellKey("cek1");
        assertEquals(2, vault.calls(LocalKeyVault.Operation.UNWRAP_KEY), "unwrapped again once the vault is back");
    }
}
