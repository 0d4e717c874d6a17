package dev.hibernateae.api;

/**
 * A key lifecycle record (a key rotation, or a column being encrypted in place or decrypted back) that concerns an
 * attribute could not be trusted: its tag does not authenticate it (it was altered, forged, or written without the
 * key), it is older than one this application already saw (replayed), it disappeared after this application saw it,
 * or the key that authenticates it cannot be loaded here. Such a record changes nothing: values of the attributes it
 * concerns are neither stored nor read, and queries on them are refused, until the record is restored or the
 * operation is run again with hibernate-ae's tools.
 *
 * <p>The message names the record (table, key names, column, phase and revision), never a value or key bytes.
 */
public class LifecycleRecordException extends AlwaysEncryptedException {
    private static final long serialVersionUID = 1L;

    private final String record;

    public LifecycleRecordException(String record, String message) {
        super(message);
        this.record = record;
    }

    public LifecycleRecordException(String record, String message, Throwable cause) {
        super(message, cause);
        this.record = record;
    }

    /** The record, as {@code hae_key_rotations: rotation of key name 'cek1' from 'cek1' to 'cek2' (...)}. */
    public String record() {
        return record;
    }
}
