package dev.hibernateae.admin;

import java.time.Instant;

/**
 * One encrypted value of a column encryption key: which column master key wraps it, never the value itself.
 *
 * @param columnMasterKeyName the column master key that wraps this value
 * @param providerName that master key's provider
 * @param keyPath that master key's path
 * @param encryptionAlgorithm the key encryption algorithm, {@code RSA_OAEP}
 * @param createdAt when the value was added (UTC)
 */
public record ColumnEncryptionKeyValueInfo(String columnMasterKeyName, String providerName, String keyPath,
        String encryptionAlgorithm, Instant createdAt) {
}
