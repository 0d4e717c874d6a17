package dev.hibernateae.admin;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.ColumnMasterKeyException;

/** The limits on names and key paths an administrator gives, checked before anything is read or written. */
final class KeyInputs {
    private static final int MAX_NAME_LENGTH = 128;
    private static final int MAX_PATH_LENGTH = 4000;

    private KeyInputs() {
    }

    static void requireName(String name, String what) {
        if (name == null || name.isBlank() || !name.strip().equals(name) || name.length() > MAX_NAME_LENGTH) {
            throw new AlwaysEncryptedException("A " + what + " name must be 1 to " + MAX_NAME_LENGTH
                    + " characters without leading or trailing spaces; got " + (name == null ? "none" : "'" + name + "'"));
        }
    }

    static void requireKeyPath(String keyPath, String masterKeyName) {
        if (keyPath == null || keyPath.isBlank() || keyPath.length() > MAX_PATH_LENGTH) {
            throw new ColumnMasterKeyException("Column master key '" + masterKeyName + "' needs a key path of 1 to "
                    + MAX_PATH_LENGTH + " characters");
        }
    }
}
