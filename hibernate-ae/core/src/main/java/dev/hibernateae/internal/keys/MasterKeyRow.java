package dev.hibernateae.internal.keys;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code hae_column_master_keys}: where a column master key lives and the signature that binds the
 * provider name, key path and enclave flag to the key itself. Not trusted until {@link MasterKeyVerifier} checked it.
 */
public record MasterKeyRow(String name, String providerName, String keyPath, boolean allowEnclaveComputations,
        byte[] signature, Instant createdAt) {

    public MasterKeyRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** How messages name this key: name, provider and path, never bytes. */
    public String describe() {
        return "column master key '" + name + "' (provider " + providerName + ", key path '" + keyPath + "')";
    }

    @Override
    public String toString() {
        return "MasterKeyRow[" + name + ", " + providerName + ", " + keyPath + ", enclave=" + allowEnclaveComputations
                + "]";
    }
}
