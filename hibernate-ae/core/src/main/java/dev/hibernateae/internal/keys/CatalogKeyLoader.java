package dev.hibernateae.internal.keys;

import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.internal.crypto.ColumnKey;
import java.util.Objects;

/**
 * Loads a column encryption key from the key tables and unwraps it; the unwrapped bytes live only until the keys
 * are derived from them. The key must carry the binding of its name ({@link KeyNameBinding}), or it is refused.
 */
public final class CatalogKeyLoader implements ColumnKeyLoader {
    private final KeyCatalog catalog;
    private final ColumnKeyUnwrapper unwrapper;

    public CatalogKeyLoader(KeyCatalog catalog, ColumnKeyUnwrapper unwrapper) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.unwrapper = Objects.requireNonNull(unwrapper, "unwrapper");
    }

    @Override
    public ColumnKey load(String name) {
        return loadWithOrigin(name).key();
    }

    @Override
    public Loaded loadWithOrigin(String name) {
        EncryptionKeyRow row = catalog.inTransaction("read column encryption key '" + name + "'",
                tx -> tx.findEncryptionKey(name, false))
                .orElseThrow(() -> new ColumnEncryptionKeyException("Column encryption key '" + name + "' is not in "
                        + "the database (table " + KeyTables.ENCRYPTION_KEYS + "). Create it with the key "
                        + "administration API (createColumnEncryptionKey), or correct the key name in "
                        + "@Encrypted(key = ...)"));
        ColumnKeyUnwrapper.Unwrapped unwrapped = unwrapper.unwrapWithOrigin(row);
        ColumnKey key = ColumnKey.deriveAndZero(unwrapped.key());
        try {
            KeyNameBinding.require(key, name, row.nameTag());
        } catch (RuntimeException e) {
            key.destroy();
            throw e;
        }
        return new Loaded(key, unwrapped.masterKey().name(), unwrapped.masterKey().providerName());
    }
}
