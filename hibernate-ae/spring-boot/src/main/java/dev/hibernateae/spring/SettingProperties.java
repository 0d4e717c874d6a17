package dev.hibernateae.spring;

import dev.hibernateae.api.EncryptionSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table from {@code hibernate-ae.*} properties to {@code hibernate.ae.*} Hibernate settings: a row per
 * {@link EncryptionSettings} constant, whose property is the setting's name under {@value HibernateAeProperties#PREFIX}
 * with {@code -} for {@code _} ({@code hibernate.ae.lifecycle.poll_interval} is
 * {@code hibernate-ae.lifecycle.poll-interval}). {@link HibernateAeProperties} binds the properties (and describes
 * them to IDEs); this table alone says where each goes.
 */
final class SettingProperties {

    /** One setting and how to read its property's bound value. */
    record Row(String setting, Function<HibernateAeProperties, Object> value) {
        /** The {@code hibernate-ae.*} property, for messages. */
        String property() {
            return HibernateAeProperties.PREFIX + "."
                    + setting.substring(EncryptionSettings.PREFIX.length()).replace('_', '-');
        }
    }

    static final List<Row> ROWS = List.of(
            new Row(EncryptionSettings.KEYSTORE_LOCATION, p -> p.getKeystore().getLocation()),
            new Row(EncryptionSettings.KEYSTORE_TYPE, p -> p.getKeystore().getType()),
            new Row(EncryptionSettings.KEYSTORE_PASSWORD, p -> p.getKeystore().getPassword()),
            new Row(EncryptionSettings.KEYSTORE_PASSWORD_ENV, p -> p.getKeystore().getPasswordEnv()),
            new Row(EncryptionSettings.KEYSTORE_PASSWORD_FILE, p -> p.getKeystore().getPasswordFile()),
            new Row(EncryptionSettings.KEY_CACHE_TTL, HibernateAeProperties::getKeyCacheTtl),
            new Row(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, HibernateAeProperties::getTrustedMasterKeyPaths),
            new Row(EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH, HibernateAeProperties::getTrustAnyMasterKeyPath),
            new Row(EncryptionSettings.PROVIDERS, HibernateAeProperties::getProviders),
            new Row(EncryptionSettings.UNREADABLE_ATTRIBUTES, HibernateAeProperties::getUnreadableAttributes),
            new Row(EncryptionSettings.KEY_TABLES_SCHEMA_GENERATION, p -> p.getKeyTables().getSchemaGeneration()),
            new Row(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, p -> p.getLifecycle().getPollInterval()),
            new Row(EncryptionSettings.LIFECYCLE_ENCRYPTING_COLUMNS, p -> p.getLifecycle().getEncryptingColumns()),
            new Row(EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS, p -> p.getLifecycle().getDecryptingColumns()),
            new Row(EncryptionSettings.STARTUP_CHECK, HibernateAeProperties::getStartupCheck),
            new Row(EncryptionSettings.KEY_RING_LISTENERS, HibernateAeProperties::getKeyRingListeners));

    private SettingProperties() {
    }

    /**
     * A bound value as the text of its Hibernate setting, or null when not set: lists comma-separated, enums in lower
     * case, durations in ISO-8601 (which hibernate-ae reads whatever syntax the property used).
     */
    static String text(Object value) {
        if (value instanceof Collection<?> items) {
            return items.isEmpty() ? null : items.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Duration duration) {
            return duration.toString();
        }
        return value == null ? null : value.toString();
    }
}
