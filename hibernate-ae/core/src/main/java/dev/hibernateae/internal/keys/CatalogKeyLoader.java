package dev.hibernateae.internal.keys;

import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.internal.crypto.ColumnKey;
import java.util.Arrays;
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
        byte[] rootKey = unwrapped.key();
        ColumnKey key;
        try {
            key = ColumnKey.derive(rootKey);
        } finally {
            Arrays.fill(rootKey, (byte) 0);
        }
        if (!KeyNameBinding.verifies(key, name, row.nameTag())) {
            key.destroy();
            throw new ColumnEncryptionKeyException(row.nameTag() == null
                    ? "Column encryption key '" + name + "' has no name binding (" + KeyTables.ENCRYPTION_KEYS
                            + ".name_tag): it was made by hibernate-ae 0.1, or the binding was removed. Run "
                            + "hibernate-ae-cli authenticate-records --apply to bind it, after checking that the key is "
                            + "yours (docs/lifecycle.md, 'Upgrading from 0.1')"
                    : "Column encryption key '" + name + "' unwraps to a key that was not created under that name: "
                            + "its value in " + KeyTables.ENCRYPTION_KEY_VALUES + " (or its name binding) was replaced, "
                            + "for example by another key's. Restore the key's rows from a backup");
        }
        return new Loaded(key, unwrapped.masterKey().name(), unwrapped.masterKey().providerName());
    }
}
