package dev.hibernateae.internal.keys;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code hae_column_encryption_key_values}: a column encryption key wrapped by one column master key.
 */
public record EncryptedValueRow(MasterKeyRow masterKey, String algorithm, byte[] encryptedValue, Instant createdAt) {

    public EncryptedValueRow {
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(encryptedValue, "encryptedValue");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "EncryptedValueRow[" + masterKey.name() + ", " + algorithm + ", " + encryptedValue.length + " bytes]";
    }
}
