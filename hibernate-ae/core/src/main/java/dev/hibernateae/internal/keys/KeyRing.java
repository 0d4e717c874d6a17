package dev.hibernateae.internal.keys;

import dev.hibernateae.internal.crypto.CellKey;

/**
 * Resolves a column encryption key name to ready cell keys: loaded from the database, unwrapped by its column
 * master key provider, cached.
 */
public interface KeyRing {

    /**
     * The cell key for the named column encryption key.
     *
     * @throws dev.hibernateae.api.ColumnEncryptionKeyException if the key is unknown or cannot be unwrapped
     * @throws dev.hibernateae.api.ColumnMasterKeyException if its master key cannot be used
     */
    CellKey cellKey(String columnEncryptionKeyName);
}
