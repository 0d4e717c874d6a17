package dev.hibernateae.internal.keys;

import dev.hibernateae.internal.crypto.ColumnKey;

/** Loads one column encryption key by name, unwrapped and ready; what a {@link CachingKeyRing} caches. */
@FunctionalInterface
public interface ColumnKeyLoader {
    ColumnKey load(String columnEncryptionKeyName);

    /** {@link #load}, telling which column master key and provider unwrapped the key when the loader knows. */
    default Loaded loadWithOrigin(String columnEncryptionKeyName) {
        return new Loaded(load(columnEncryptionKeyName), null, null);
    }

    /**
     * A loaded key and where it came from, for the key ring's {@linkplain CachingKeyRing#state() state}.
     *
     * @param masterKeyName the column master key that unwrapped it, or null when unknown
     * @param providerName that master key's provider, or null when unknown
     */
    record Loaded(ColumnKey key, String masterKeyName, String providerName) {
        @Override
        public String toString() {
            return "Loaded[" + masterKeyName + ", " + providerName + "]"; // never the key
        }
    }
}
