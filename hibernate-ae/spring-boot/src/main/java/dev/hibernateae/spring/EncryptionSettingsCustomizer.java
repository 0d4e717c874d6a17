package dev.hibernateae.spring;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import dev.hibernateae.spi.KeyRingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Puts the {@code hibernate-ae.*} properties and the application's {@link ColumnMasterKeyProvider} and
 * {@link KeyRingListener} beans into the Hibernate settings that Spring Boot builds from
 * {@code spring.jpa.properties.*}. A setting given both ways must have the same value; providers (and listeners) from
 * every source are registered together.
 */
public final class EncryptionSettingsCustomizer implements HibernatePropertiesCustomizer {
    private final HibernateAeProperties properties;
    private final List<ColumnMasterKeyProvider> providerBeans;
    private final List<KeyRingListener> listenerBeans;

    /**
     * @param properties the bound {@code hibernate-ae.*} properties
     * @param providerBeans the provider beans of the application context, in their order
     */
    public EncryptionSettingsCustomizer(HibernateAeProperties properties, List<ColumnMasterKeyProvider> providerBeans) {
        this(properties, providerBeans, List.of());
    }

    /**
     * @param properties the bound {@code hibernate-ae.*} properties
     * @param providerBeans the provider beans of the application context, in their order
     * @param listenerBeans the key ring listener beans of the application context, in their order (the Micrometer
     *        meters among them)
     */
    public EncryptionSettingsCustomizer(HibernateAeProperties properties, List<ColumnMasterKeyProvider> providerBeans,
            List<KeyRingListener> listenerBeans) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.providerBeans = List.copyOf(providerBeans);
        this.listenerBeans = List.copyOf(listenerBeans);
    }

    @Override
    public void customize(Map<String, Object> settings) {
        HibernateAeProperties.Keystore keystore = properties.getKeystore();
        put(settings, EncryptionSettings.KEYSTORE_LOCATION, "keystore.location", keystore.getLocation());
        put(settings, EncryptionSettings.KEYSTORE_TYPE, "keystore.type", keystore.getType());
        put(settings, EncryptionSettings.KEYSTORE_PASSWORD, "keystore.password", keystore.getPassword());
        put(settings, EncryptionSettings.KEYSTORE_PASSWORD_ENV, "keystore.password-env", keystore.getPasswordEnv());
        put(settings, EncryptionSettings.KEYSTORE_PASSWORD_FILE, "keystore.password-file", keystore.getPasswordFile());
        put(settings, EncryptionSettings.KEY_CACHE_TTL, "key-cache-ttl", properties.getKeyCacheTtl());
        if (!properties.getTrustedMasterKeyPaths().isEmpty()) {
            put(settings, EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, "trusted-master-key-paths",
                    String.join(",", properties.getTrustedMasterKeyPaths()));
        }
        put(settings, EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH, "trust-any-master-key-path",
                properties.getTrustAnyMasterKeyPath());
        HibernateAeProperties.Lifecycle lifecycle = properties.getLifecycle();
        put(settings, EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "lifecycle.poll-interval",
                lifecycle.getPollInterval());
        if (!lifecycle.getEncryptingColumns().isEmpty()) {
            put(settings, EncryptionSettings.LIFECYCLE_ENCRYPTING_COLUMNS, "lifecycle.encrypting-columns",
                    String.join(",", lifecycle.getEncryptingColumns()));
        }
        if (!lifecycle.getDecryptingColumns().isEmpty()) {
            put(settings, EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS, "lifecycle.decrypting-columns",
                    String.join(",", lifecycle.getDecryptingColumns()));
        }
        if (properties.getUnreadableAttributes() != null) {
            put(settings, EncryptionSettings.UNREADABLE_ATTRIBUTES, "unreadable-attributes",
                    properties.getUnreadableAttributes().name().toLowerCase(Locale.ROOT));
        }
        put(settings, EncryptionSettings.KEY_TABLES_SCHEMA_GENERATION, "key-tables.schema-generation",
                properties.getKeyTables().getSchemaGeneration());
        put(settings, EncryptionSettings.STARTUP_CHECK, "startup-check", startupCheck(settings));
        merge(settings, EncryptionSettings.PROVIDERS, properties.getProviders(), providerBeans);
        merge(settings, EncryptionSettings.KEY_RING_LISTENERS, properties.getKeyRingListeners(), listenerBeans);
    }

    /**
     * The startup check as configured; with development provisioning on and no explicit choice, off: the check runs as
     * the session factory starts, before provisioning can create a key it would find missing. Provisioning checks
     * every key it lists instead.
     */
    private Boolean startupCheck(Map<String, Object> settings) {
        Boolean configured = properties.getStartupCheck();
        if (configured == null && properties.getProvisioning().isEnabled()
                && !settings.containsKey(EncryptionSettings.STARTUP_CHECK)) {
            return Boolean.FALSE;
        }
        return configured;
    }

    /**
     * Class names from both prefixes, then the beans: the registry (or the listener list) resolves each entry on its
     * own.
     */
    private static void merge(Map<String, Object> settings, String setting, List<String> classNames,
            List<?> beans) {
        List<Object> entries = new ArrayList<>();
        Object fromJpaProperties = settings.get(setting);
        if (fromJpaProperties instanceof Iterable<?> iterable) {
            iterable.forEach(entries::add);
        } else if (fromJpaProperties != null) {
            entries.add(fromJpaProperties);
        }
        entries.addAll(classNames);
        entries.addAll(beans);
        if (!entries.isEmpty()) {
            settings.put(setting, entries);
        }
    }

    private static void put(Map<String, Object> settings, String setting, String property, Object value) {
        if (value == null) {
            return;
        }
        String text = value.toString();
        Object existing = settings.get(setting);
        if (existing != null && !existing.toString().equals(text)) {
            // Names only: the values may be passwords.
            throw new AlwaysEncryptedException("Both " + HibernateAeProperties.PREFIX + "." + property + " and "
                    + "spring.jpa.properties." + setting + " are set, to different values: keep only one of them");
        }
        settings.put(setting, text);
    }
}
