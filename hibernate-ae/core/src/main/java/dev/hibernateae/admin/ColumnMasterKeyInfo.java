package dev.hibernateae.admin;

import java.time.Instant;

/**
 * What the database says about a column master key: where it lives, never any key material.
 *
 * @param name the column master key's name, as column encryption keys refer to it
 * @param providerName the key store provider, such as {@code MSSQL_JAVA_KEYSTORE}
 * @param keyPath where the provider finds the key (a keystore alias, a Key Vault key URL)
 * @param allowEnclaveComputations the signed enclave flag, kept for compatibility with SQL Server's metadata
 * @param createdAt when the metadata was created (UTC)
 */
public record ColumnMasterKeyInfo(String name, String providerName, String keyPath, boolean allowEnclaveComputations,
        Instant createdAt) {
}
