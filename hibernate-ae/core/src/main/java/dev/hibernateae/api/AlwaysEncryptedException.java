package dev.hibernateae.api;

/**
 * Base type of every error hibernate-ae raises. Messages name what failed (an entity attribute, a key, a
 * setting) and what to do; they never contain a plaintext value or key bytes.
 */
public class AlwaysEncryptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AlwaysEncryptedException(String message) {
        super(message);
    }

    public AlwaysEncryptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
