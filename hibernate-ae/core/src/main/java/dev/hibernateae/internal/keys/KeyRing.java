package dev.hibernateae.internal.keys;

import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.crypto.ColumnKey;

/**
 * Resolves a column encryption key name to the ready key: loaded from the database, unwrapped by its column
 * master key provider, cached.
 */
public interface KeyRing {

    /**
     * The named column encryption key.
     *
     * @throws dev.hibernateae.api.ColumnEncryptionKeyException if the key is unknown or cannot be unwrapped
     * @throws dev.hibernateae.api.ColumnMasterKeyException if its master key cannot be used
     */
    ColumnKey columnKey(String columnEncryptionKeyName);

    /** The cell keys of the named column encryption key; see {@link #columnKey}. */
    default CellKey cellKey(String columnEncryptionKeyName) {
        return columnKey(columnEncryptionKeyName).cells();
    }
}
