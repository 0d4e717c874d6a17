package dev.hibernateae.internal.keys;

import dev.hibernateae.internal.crypto.ColumnKey;

/** Loads one column encryption key by name, unwrapped and ready; what a {@link CachingKeyRing} caches. */
@FunctionalInterface
public interface ColumnKeyLoader {
    ColumnKey load(String columnEncryptionKeyName);
}
