package dev.hibernateae.keystore;

import dev.hibernateae.api.ColumnMasterKeyException;
import java.nio.file.Path;

/** Which key a message is about: the master key path (alias) and the keystore file, for error messages. */
record KeyStoreEntryName(String masterKeyPath, Path location) {

    ColumnMasterKeyException error(String what) {
        return new ColumnMasterKeyException(this + ": " + what);
    }

    ColumnMasterKeyException error(String what, Throwable cause) {
        return new ColumnMasterKeyException(this + ": " + what, cause);
    }

    @Override
    public String toString() {
        return "Column master key '" + masterKeyPath + "' of provider " + JavaKeyStoreProvider.NAME + " (keystore "
                + location + ")";
    }
}
