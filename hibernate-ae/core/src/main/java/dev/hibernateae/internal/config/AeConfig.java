package dev.hibernateae.internal.config;

import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_LOCATION;
import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_PASSWORD;
import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_PASSWORD_ENV;
import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_PASSWORD_FILE;
import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_TYPE;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.service.Service;

/**
 * Every hibernate-ae setting of one persistence unit (or one tool), parsed once and checked as a whole. Built by
 * {@link #of} from Hibernate's settings: Hibernate boot registers one per service registry; the key administration
 * and lifecycle APIs, which take settings maps, parse theirs through it too. Readers take values from here, never from
 * the map.
 *
 * @param settings the settings as given, unmodifiable: for providers whose constructors take them, and for
 *        {@link #internal}; not to read {@code hibernate.ae.*} settings from
 * @param keystore {@code hibernate.ae.keystore.*}
 * @param keyCacheTtl {@link EncryptionSettings#KEY_CACHE_TTL}
 * @param trustedMasterKeyPaths {@link EncryptionSettings#TRUSTED_MASTER_KEY_PATHS}
 * @param trustAnyMasterKeyPath {@link EncryptionSettings#TRUST_ANY_MASTER_KEY_PATH}
 * @param providers {@link EncryptionSettings#PROVIDERS}: class names, classes and provider instances
 * @param unreadableAsNull whether {@link EncryptionSettings#UNREADABLE_ATTRIBUTES} is {@code null}
 * @param keyTablesSchemaGeneration {@link EncryptionSettings#KEY_TABLES_SCHEMA_GENERATION}
 * @param lifecyclePollInterval {@link EncryptionSettings#LIFECYCLE_POLL_INTERVAL}
 * @param encryptingColumns {@link EncryptionSettings#LIFECYCLE_ENCRYPTING_COLUMNS}, as given ({@code table.column})
 * @param decryptingColumns {@link EncryptionSettings#LIFECYCLE_DECRYPTING_COLUMNS}, as given
 * @param startupCheck {@link EncryptionSettings#STARTUP_CHECK}
 * @param keyRingListeners {@link EncryptionSettings#KEY_RING_LISTENERS}: class names, classes and listener instances
 */
public record AeConfig(Map<String, Object> settings, KeystoreConfig keystore, Duration keyCacheTtl,
        Set<String> trustedMasterKeyPaths, boolean trustAnyMasterKeyPath, List<Object> providers,
        boolean unreadableAsNull, boolean keyTablesSchemaGeneration, Duration lifecyclePollInterval,
        Set<String> encryptingColumns, Set<String> decryptingColumns, boolean startupCheck,
        List<Object> keyRingListeners) implements Service {

    /** SQL Server's drivers keep unwrapped keys for two hours. */
    public static final Duration DEFAULT_KEY_CACHE_TTL = Duration.ofHours(2);

    /** How often applications look for lifecycle changes unless told otherwise. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

    /** No setting given: every default. */
    public static final AeConfig DEFAULTS = of(Map.of());

    /**
     * Parses and checks every {@code hibernate.ae.*} setting of {@code settings}; other settings are kept, not read.
     *
     * @throws AlwaysEncryptedException listing every bad value (setting, value unless a password, what is allowed)
     *         and every unknown {@code hibernate.ae.*} setting (with the known one it probably meant)
     */
    public static AeConfig of(Map<String, ?> settings) {
        SettingReader read = new SettingReader(settings);
        for (Object name : settings.keySet()) {
            if (name instanceof String setting && setting.startsWith(EncryptionSettings.PREFIX)
                    && !InternalSettings.isInternal(setting) && !KnownSettings.names().contains(setting)) {
                // Never the value: a misspelt password setting holds a password.
                read.problem("Unknown setting " + setting + ": did you mean " + KnownSettings.closest(setting)
                        + "? (every setting is a constant of " + EncryptionSettings.class.getName() + ")");
            }
        }
        KeystoreConfig keystore = new KeystoreConfig(read.path(KEYSTORE_LOCATION), read.text(KEYSTORE_TYPE),
                read.raw(KEYSTORE_PASSWORD), read.text(KEYSTORE_PASSWORD_ENV), read.path(KEYSTORE_PASSWORD_FILE));
        AeConfig config = new AeConfig(Collections.unmodifiableMap(new LinkedHashMap<>(settings)), keystore,
                read.duration(EncryptionSettings.KEY_CACHE_TTL, DEFAULT_KEY_CACHE_TTL),
                read.names(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS),
                read.bool(EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH, false),
                read.entries(EncryptionSettings.PROVIDERS),
                read.choice(EncryptionSettings.UNREADABLE_ATTRIBUTES, "fail", "fail", "null").equals("null"),
                read.bool(EncryptionSettings.KEY_TABLES_SCHEMA_GENERATION, true),
                read.duration(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, DEFAULT_POLL_INTERVAL),
                read.names(EncryptionSettings.LIFECYCLE_ENCRYPTING_COLUMNS),
                read.names(EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS),
                read.bool(EncryptionSettings.STARTUP_CHECK, true),
                read.entries(EncryptionSettings.KEY_RING_LISTENERS));
        read.throwIfAny();
        return config;
    }

    /** The value of an internal setting ({@link InternalSettings}), or null. */
    public Object internal(String name) {
        if (!InternalSettings.isInternal(name)) {
            throw new IllegalArgumentException(name + " is not an internal setting");
        }
        return settings.get(name);
    }

    @Override
    public String toString() {
        return "AeConfig[" + keystore + ", key cache " + keyCacheTtl + ", poll interval " + lifecyclePollInterval
                + "]"; // never the settings map: it may hold passwords
    }
}
