package dev.hibernateae.api;

/**
 * An encrypted cell could not be decrypted: it is too short, has an unknown version byte, its authentication tag
 * does not match (the cell was altered, or it was encrypted under another column encryption key), or its padding
 * is invalid. No value is ever returned for such a cell.
 */
public class CellDecryptionException extends AlwaysEncryptedException {
    private static final long serialVersionUID = 1L;

    /** Why a cell was refused; part of the message, and available to callers that want to react to it. */
    public enum Reason {
        /** Shorter than the 65 bytes of the smallest cell, or not a whole number of cipher blocks. */
        MALFORMED_LENGTH,
        /** The first byte is not the algorithm version 0x01. */
        UNKNOWN_VERSION,
        /** The HMAC-SHA256 tag does not match: tampered cell or wrong key. */
        TAG_MISMATCH,
        /** The tag matched but the padding did not: a cell crafted by someone holding the MAC key. */
        INVALID_PADDING
    }

    private final Reason reason;

    public CellDecryptionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CellDecryptionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
