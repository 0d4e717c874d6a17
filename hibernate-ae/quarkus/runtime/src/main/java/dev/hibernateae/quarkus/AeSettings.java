package dev.hibernateae.quarkus;

import dev.hibernateae.api.EncryptionSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code quarkus.hibernate-ae.*} properties as the {@code hibernate.ae.*} settings the core reads: one setting per
 * property that is set, values in the core's syntax (durations as ISO-8601, lists comma-separated). Properties left
 * unset give no setting, so the core's default, or an {@code unsupported-properties} value, applies.
 */
final class AeSettings {
    private AeSettings() {
    }

    /** The settings read when a persistence unit starts (the session factory's). */
    static Map<String, String> runTime(HibernateAeRuntimeConfig config) {
        Map<String, String> settings = new TreeMap<>();
        put(settings, EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, config.trustedMasterKeyPaths().map(AeSettings::list));
        put(settings, EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH, config.trustAnyMasterKeyPath().map(String::valueOf));
        put(settings, EncryptionSettings.KEYSTORE_LOCATION, config.keystore().location());
        put(settings, EncryptionSettings.KEYSTORE_TYPE, config.keystore().type());
        put(settings, EncryptionSettings.KEYSTORE_PASSWORD, config.keystore().password());
        put(settings, EncryptionSettings.KEYSTORE_PASSWORD_ENV, config.keystore().passwordEnv());
        put(settings, EncryptionSettings.KEYSTORE_PASSWORD_FILE, config.keystore().passwordFile());
        put(settings, EncryptionSettings.KEY_CACHE_TTL, config.keyCacheTtl().map(Duration::toString));
        put(settings, EncryptionSettings.PROVIDERS, config.providers().map(AeSettings::list));
        put(settings, EncryptionSettings.UNREADABLE_ATTRIBUTES, config.unreadableAttributes());
        put(settings, EncryptionSettings.LIFECYCLE_POLL_INTERVAL,
                config.lifecycle().pollInterval().map(Duration::toString));
        put(settings, EncryptionSettings.LIFECYCLE_ENCRYPTING_COLUMNS,
                config.lifecycle().encryptingColumns().map(AeSettings::list));
        put(settings, EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS,
                config.lifecycle().decryptingColumns().map(AeSettings::list));
        put(settings, EncryptionSettings.STARTUP_CHECK, config.startupCheck().map(String::valueOf));
        put(settings, EncryptionSettings.KEY_RING_LISTENERS, config.keyRingListeners().map(AeSettings::list));
        return settings;
    }

    /** The settings read while Hibernate builds the mapping, which Quarkus does when the application is built. */
    static Map<String, String> buildTime(HibernateAeBuildTimeConfig config) {
        Map<String, String> settings = new TreeMap<>();
        put(settings, EncryptionSettings.KEY_TABLES_SCHEMA_GENERATION,
                config.keyTables().schemaGeneration().map(String::valueOf));
        return settings;
    }

    private static void put(Map<String, String> settings, String name, Optional<String> value) {
        value.ifPresent(v -> settings.put(name, v));
    }

    private static String list(List<String> values) {
        return String.join(",", values);
    }
}
