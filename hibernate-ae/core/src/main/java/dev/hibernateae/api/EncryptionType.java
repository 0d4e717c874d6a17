package dev.hibernateae.api;

/**
 * How a value is encrypted, with the same meaning as in SQL Server Always Encrypted.
 */
public enum EncryptionType {
    /**
     * The initialization vector is derived from the plaintext, so equal plaintexts give equal cells.
     * Equality queries ({@code =}, {@code <>}, {@code IN}) work by binding ciphertext; an observer of the
     * database can tell which rows share a value.
     */
    DETERMINISTIC,

    /**
     * The initialization vector is random, so equal plaintexts give different cells. Nothing about the value
     * can be queried; use it for every attribute that is never searched.
     */
    RANDOMIZED
}
