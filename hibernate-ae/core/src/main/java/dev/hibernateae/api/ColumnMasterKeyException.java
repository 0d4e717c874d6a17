package dev.hibernateae.api;

/**
 * A column master key could not be used: its provider is unknown, its key store cannot be opened or reached,
 * the key path names no usable RSA key, the path is not trusted, or a wrapped value or signature does not
 * verify. The message names the provider and key path and says what to fix; it never holds key bytes.
 */
public class ColumnMasterKeyException extends AlwaysEncryptedException {
    private static final long serialVersionUID = 1L;

    public ColumnMasterKeyException(String message) {
        super(message);
    }

    public ColumnMasterKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
