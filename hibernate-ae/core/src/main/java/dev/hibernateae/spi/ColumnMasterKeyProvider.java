package dev.hibernateae.spi;

/**
 * A key store that holds column master keys (CMKs) and wraps column encryption keys (CEKs) with them, modelled on
 * SQL Server's column encryption key store providers. hibernate-ae ships {@code MSSQL_JAVA_KEYSTORE} (a PKCS12 or
 * JKS file) and, in an optional module, {@code AZURE_KEY_VAULT}; a third party adds another by implementing this
 * interface and registering it by name in settings, programmatically, or through
 * {@code META-INF/services/dev.hibernateae.spi.ColumnMasterKeyProvider}.
 *
 * <p>Implementations must be thread-safe. They report failures as
 * {@link dev.hibernateae.api.ColumnMasterKeyException} naming the key path, never including key bytes.
 * Most RSA-based stores should extend {@link RsaColumnMasterKeyProvider}, which implements the SQL Server value
 * formats and leaves only the RSA operations to the store.
 */
public interface ColumnMasterKeyProvider {

    /** The provider name stored with each CMK, such as {@code MSSQL_JAVA_KEYSTORE}. Case-insensitive. */
    String name();

    /**
     * Wraps a 32-byte CEK under the master key at {@code masterKeyPath}, returning the encrypted value as stored in
     * the database (for RSA stores, the layout of SQL Server's {@code sys.column_encryption_key_values}).
     *
     * @param algorithm the key encryption algorithm, {@code RSA_OAEP} for every shipped provider
     */
    byte[] wrapColumnEncryptionKey(String masterKeyPath, String algorithm, byte[] columnEncryptionKey);

    /**
     * Verifies and unwraps an encrypted CEK value. A value that does not verify is an error, never a key.
     * The caller owns the returned array and zeroes it when done.
     */
    byte[] unwrapColumnEncryptionKey(String masterKeyPath, String algorithm, byte[] encryptedColumnEncryptionKey);

    /**
     * Signs the CMK metadata (provider name, key path and the allow-enclave-computations flag), so that a database
     * administrator cannot change them unnoticed.
     */
    byte[] signColumnMasterKeyMetadata(String masterKeyPath, boolean allowEnclaveComputations);

    /** Whether {@code signature} is this provider's signature of the CMK metadata. */
    boolean verifyColumnMasterKeyMetadata(String masterKeyPath, boolean allowEnclaveComputations, byte[] signature);
}
