package dev.hibernateae.testing.keys;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.keys.ConnectionSource;
import dev.hibernateae.internal.keys.KeyHierarchy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The usual cast of a key test on one database: a test key store with a few key paths, the administration API on
 * it, and key hierarchies with a clock the test advances by hand.
 */
public final class KeyFixture {
    public static final String PATH_1 = "Test/Cmk-Path-1";
    public static final String PATH_2 = "test/cmk-path-2";
    public static final String PATH_3 = "test/cmk-path-3";
    /** Every path the test provider serves, as an application would list them. */
    public static final Map<String, Object> TRUSTED = Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS,
            String.join(",", PATH_1, PATH_2, PATH_3, "slow", "fast"));

    public final KeyTablesDatabase database;
    public final TestRsaProvider provider = new TestRsaProvider(TestRsaProvider.NAME, PATH_1, PATH_2, PATH_3, "slow", "fast");
    public final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    public final ColumnKeyAdministration admin;

    public KeyFixture(KeyTablesDatabase database) {
        this.database = database;
        this.admin = ColumnKeyAdministration.builder().dataSource(database.dataSource()).settings(TRUSTED)
                .provider(provider).build();
    }

    /** A hierarchy that knows the test provider only, with the given cache time to live. */
    public KeyHierarchy.Builder hierarchy(Duration ttl) {
        return KeyHierarchy.builder().settings(TRUSTED).connections(ConnectionSource.of(database.dataSource())).provider(provider)
                .serviceLoader(false).keyCacheTtl(ttl).nanoClock(nanos::get);
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Creates master key {@code cmk} at {@code path} and key {@code cek} wrapped by it. */
    public void createKey(String cek, String cmk, String path) {
        admin.createColumnMasterKey(ColumnMasterKeySpec.named(cmk).provider(TestRsaProvider.NAME).keyPath(path));
        admin.createColumnEncryptionKey(cek, cmk);
    }

    /** A deterministic cell of a fixed plaintext: equal for two cell keys exactly when their root keys are equal. */
    public static byte[] fingerprint(CellKey key) {
        return new CellCipher(key, EncryptionType.DETERMINISTIC).encrypt("probe".getBytes(StandardCharsets.UTF_16LE));
    }
}
