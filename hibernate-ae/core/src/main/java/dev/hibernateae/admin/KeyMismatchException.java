package dev.hibernateae.admin;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.util.List;

/**
 * A key that was to be ensured exists under its name but is not the key asked for: a column master key with another
 * provider, key path or enclave flag, or a column encryption key that no value of the named column master key wraps.
 * An existing key is never changed or replaced, and never returned as if it were the one asked for. The message names
 * the key, each differing field with the value found and the value asked for, and what to do.
 */
public class KeyMismatchException extends AlwaysEncryptedException {
    private static final long serialVersionUID = 1L;

    /** {@link #fields()} of a column master key whose provider differs. */
    public static final String PROVIDER = "provider";
    /** {@link #fields()} of a column master key whose key path differs. */
    public static final String KEY_PATH = "key path";
    /** {@link #fields()} of a column master key whose enclave flag differs. */
    public static final String ENCLAVE_COMPUTATIONS = "allow enclave computations";
    /** {@link #fields()} of a column encryption key that the named column master key does not wrap. */
    public static final String COLUMN_MASTER_KEY = "column master key";

    private final String keyName;
    private final List<String> fields;

    KeyMismatchException(String keyName, List<String> fields, String message) {
        super(message);
        this.keyName = keyName;
        this.fields = List.copyOf(fields);
    }

    /** The name of the existing key. */
    public String keyName() {
        return keyName;
    }

    /**
     * The fields that differ: {@link #PROVIDER}, {@link #KEY_PATH} and {@link #ENCLAVE_COMPUTATIONS} for a column
     * master key, {@link #COLUMN_MASTER_KEY} for a column encryption key.
     */
    public List<String> fields() {
        return fields;
    }
}
