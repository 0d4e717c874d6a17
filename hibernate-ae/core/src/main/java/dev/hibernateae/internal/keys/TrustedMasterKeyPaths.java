package dev.hibernateae.internal.keys;

import dev.hibernateae.api.EncryptionSettings;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The column master key paths an application trusts ({@link EncryptionSettings#TRUSTED_MASTER_KEY_PATHS}). Without
 * the setting every path is trusted. With it, a database administrator who points a column master key at a key
 * they control (and signs the row with it) is refused, instead of silently receiving new data under their key.
 */
public final class TrustedMasterKeyPaths {
    private static final TrustedMasterKeyPaths ANY = new TrustedMasterKeyPaths(null);

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

    /** Reads {@link EncryptionSettings#TRUSTED_MASTER_KEY_PATHS}: a comma-separated string or a collection. */
    public static TrustedMasterKeyPaths fromSettings(Map<String, ?> settings) {
        Object value = settings.get(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS);
        if (value == null || (value instanceof String text && text.isBlank())) {
            return ANY;
        }
        Set<String> paths = new LinkedHashSet<>();
        Iterable<?> items = value instanceof Iterable<?> iterable ? iterable : java.util.List.of(value);
        for (Object item : items) {
            for (String part : String.valueOf(item).split(",")) {
                paths.add(part.trim());
            }
        }
        return only(paths);
    }

    public boolean isTrusted(String keyPath) {
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
        return paths == null ? "TrustedMasterKeyPaths[any]" : "TrustedMasterKeyPaths" + paths;
    }
}
