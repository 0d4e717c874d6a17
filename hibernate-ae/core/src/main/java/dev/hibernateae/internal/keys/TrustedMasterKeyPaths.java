package dev.hibernateae.internal.keys;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.config.AeConfig;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The column master key paths an application trusts ({@link EncryptionSettings#TRUSTED_MASTER_KEY_PATHS}). A
 * database administrator who points a column master key at a key they control (and signs the row with it) is
 * refused, instead of silently receiving new data under their key. Trusting every path takes an explicit
 * {@link EncryptionSettings#TRUST_ANY_MASTER_KEY_PATH}.
 */
public final class TrustedMasterKeyPaths {
    private static final System.Logger LOG = System.getLogger(TrustedMasterKeyPaths.class.getName());
    private static final TrustedMasterKeyPaths ANY = new TrustedMasterKeyPaths(null);
    private static final TrustedMasterKeyPaths UNCONFIGURED = new TrustedMasterKeyPaths(Set.of());

    /** Lower-cased paths, or {@code null} for "trust every path". */
    private final Set<String> paths;

    private TrustedMasterKeyPaths(Set<String> paths) {
        this.paths = paths;
    }

    /** Trusts every path. */
    public static TrustedMasterKeyPaths any() {
        return ANY;
    }

    /** Trusts exactly {@code paths}, compared case-insensitively. */
    public static TrustedMasterKeyPaths only(Collection<String> paths) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String path : paths) {
            if (path != null && !path.isBlank()) {
                normalized.add(normalize(path));
            }
        }
        return new TrustedMasterKeyPaths(Collections.unmodifiableSet(normalized));
    }

    /**
     * The paths of {@link EncryptionSettings#TRUSTED_MASTER_KEY_PATHS}, or any path with
     * {@link EncryptionSettings#TRUST_ANY_MASTER_KEY_PATH}. With neither, the result trusts nothing and every check
     * fails with the error of {@link #requireConfigured()}, so tools that never use a key (listing keys) still work.
     *
     * @throws ColumnMasterKeyException when both are set
     */
    public static TrustedMasterKeyPaths from(AeConfig config) {
        Set<String> paths = config.trustedMasterKeyPaths();
        boolean any = config.trustAnyMasterKeyPath();
        if (any && !paths.isEmpty()) {
            throw new ColumnMasterKeyException("Both " + EncryptionSettings.TRUSTED_MASTER_KEY_PATHS + " and "
                    + EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH + " are set: keep the list of paths and remove "
                    + EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH);
        }
        if (any) {
            return ANY;
        }
        return paths.isEmpty() ? UNCONFIGURED : only(paths);
    }

    /**
     * This object, once it says which paths are trusted.
     *
     * @throws ColumnMasterKeyException when neither setting was given, saying what to configure
     */
    public TrustedMasterKeyPaths requireConfigured() {
        if (this == UNCONFIGURED) {
            throw new ColumnMasterKeyException("hibernate-ae needs the column master key paths this application "
                    + "trusts: set " + EncryptionSettings.TRUSTED_MASTER_KEY_PATHS + " to them, comma-separated (for "
                    + "MSSQL_JAVA_KEYSTORE the keystore alias, for AZURE_KEY_VAULT the key URL; hibernate-ae-cli "
                    + "list-keys shows the paths your keys use). Master key rows with other paths are then refused "
                    + "before any key store is asked. To use any path the key tables name (only where they are as "
                    + "trusted as the application), set " + EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH + "=true");
        }
        return this;
    }

    /** Logs, once per caller that builds a key hierarchy, that every path is trusted; nothing otherwise. */
    public void warnIfTrustingAny() {
        if (this == ANY) {
            LOG.log(System.Logger.Level.WARNING, EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH + " is true: this "
                    + "application uses any column master key path the key tables name, so whoever can write those "
                    + "tables can make it encrypt under a key of their own. List your key paths in "
                    + EncryptionSettings.TRUSTED_MASTER_KEY_PATHS + " instead");
        }
    }

    /**
     * Whether master keys at {@code keyPath} may be used.
     *
     * @throws ColumnMasterKeyException when no path was configured at all ({@link #requireConfigured()})
     */
    public boolean isTrusted(String keyPath) {
        requireConfigured();
        return paths == null || (keyPath != null && paths.contains(normalize(keyPath)));
    }

    /** Whether a list was configured at all. */
    public boolean isRestricted() {
        return paths != null;
    }

    private static String normalize(String path) {
        return path.trim().toLowerCase(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return this == UNCONFIGURED ? "TrustedMasterKeyPaths[not configured]"
                : paths == null ? "TrustedMasterKeyPaths[any]" : "TrustedMasterKeyPaths" + paths;
    }
}
