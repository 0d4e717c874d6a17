package dev.hibernateae.api;

/**
 * A value cannot be turned into the bytes that are encrypted: it is out of the range of the SQL Server type it
 * maps to (an infinite float, a date before 0001-01-01), it would have to be rounded to fit the attribute's
 * scale, or decrypted bytes do not form a value of the attribute's type. The message names the type and the
 * rule, never the value.
 */
public class UnsupportedPlaintextException extends AlwaysEncryptedException {
    private static final long serialVersionUID = 1L;

    public UnsupportedPlaintextException(String message) {
        super(message);
    }

    public UnsupportedPlaintextException(String message, Throwable cause) {
        super(message, cause);
    }
}
