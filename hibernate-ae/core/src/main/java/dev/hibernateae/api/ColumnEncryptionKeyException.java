package dev.hibernateae.api;

/**
 * A column encryption key is missing from the database, malformed, or cannot be unwrapped by any of its column
 * master keys. The message names the key and what to do.
 */
public class ColumnEncryptionKeyException extends AlwaysEncryptedException {
    private static final long serialVersionUID = 1L;

    public ColumnEncryptionKeyException(String message) {
        super(message);
    }

    public ColumnEncryptionKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
