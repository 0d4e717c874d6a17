package dev.hibernateae.spring;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Puts the {@code hibernate-ae.*} properties and the application's {@link ColumnMasterKeyProvider} beans into the
 * Hibernate settings that Spring Boot builds from {@code spring.jpa.properties.*}. A setting given both ways must
 * have the same value; providers from every source are registered together.
 */
public final class EncryptionSettingsCustomizer implements HibernatePropertiesCustomizer {
    private final HibernateAeProperties properties;
    private final List<ColumnMasterKeyProvider> providerBeans;

    /**
     * @param properties the bound {@code hibernate-ae.*} properties
     * @param providerBeans the provider beans of the application context, in their order
     */
    public EncryptionSettingsCustomizer(HibernateAeProperties properties, List<ColumnMasterKeyProvider> providerBeans) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.providerBeans = List.copyOf(providerBeans);
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
        addProviders(settings);
    }

    /** Class names from both prefixes, then the provider beans: the registry resolves each entry on its own. */
    private void addProviders(Map<String, Object> settings) {
        List<Object> providers = new ArrayList<>();
        Object fromJpaProperties = settings.get(EncryptionSettings.PROVIDERS);
        if (fromJpaProperties instanceof Iterable<?> iterable) {
            iterable.forEach(providers::add);
        } else if (fromJpaProperties != null) {
            providers.add(fromJpaProperties);
        }
        providers.addAll(properties.getProviders());
        providers.addAll(providerBeans);
        if (!providers.isEmpty()) {
            settings.put(EncryptionSettings.PROVIDERS, providers);
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
