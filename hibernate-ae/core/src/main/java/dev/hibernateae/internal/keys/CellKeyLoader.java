package dev.hibernateae.internal.keys;

import dev.hibernateae.internal.crypto.CellKey;

/** Produces a fresh cell key for a column encryption key name; what the {@link CachingKeyRing} caches. */
@FunctionalInterface
public interface CellKeyLoader {
    CellKey load(String columnEncryptionKeyName);
}
