package dev.hibernateae.internal.config;

import java.nio.file.Path;

/**
 * The {@code hibernate.ae.keystore.*} settings, as given: which of them hold a usable value is checked by the keystore
 * provider, whose messages say which setting to fix.
 *
 * @param location the keystore file, or null
 * @param type the keystore type, or null for the default
 * @param password the password as given (text or {@code char[]}), or null; never printed
 * @param passwordEnv the name of the environment variable holding the password, or null
 * @param passwordFile the file holding the password, or null
 */
public record KeystoreConfig(Path location, String type, Object password, String passwordEnv, Path passwordFile) {

    /** Whether any keystore setting is given. */
    public boolean given() {
        return location != null || type != null || password != null || passwordEnv != null || passwordFile != null;
    }

    @Override
    public String toString() {
        return "KeystoreConfig[" + type + " keystore " + location + "]"; // never the password
    }
}
