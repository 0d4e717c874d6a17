package dev.hibernateae.spring;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import dev.hibernateae.spi.KeyRingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link EncryptionSettingsCustomizer} does, apart from Spring Boot's interface (whose package differs between
 * Spring Boot lines): puts the {@code hibernate-ae.*} properties and the application's {@link ColumnMasterKeyProvider}
 * and {@link KeyRingListener} beans into the Hibernate settings that Spring Boot builds from
 * {@code spring.jpa.properties.*}. A setting given both ways must have the same value; providers (and listeners) from
 * every source are registered together.
 */
final class EncryptionSettingsContribution {
    private final HibernateAeProperties properties;
    private final List<ColumnMasterKeyProvider> providerBeans;
    private final List<KeyRingListener> listenerBeans;

    EncryptionSettingsContribution(HibernateAeProperties properties, List<ColumnMasterKeyProvider> providerBeans,
            List<KeyRingListener> listenerBeans) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.providerBeans = List.copyOf(providerBeans);
        this.listenerBeans = List.copyOf(listenerBeans);
    }

    /**
     * Applies every row of {@link SettingProperties}: a property that is set becomes its setting; providers and
     * listeners are merged with the beans.
     */
    void applyTo(Map<String, Object> settings) {
        Map<String, List<?>> beans = Map.of(EncryptionSettings.PROVIDERS, providerBeans,
                EncryptionSettings.KEY_RING_LISTENERS, listenerBeans);
        for (SettingProperties.Row row : SettingProperties.ROWS) {
            Object value = row.value().apply(properties);
            if (beans.containsKey(row.setting())) {
                merge(settings, row.setting(), (List<?>) value, beans.get(row.setting()));
            } else {
                put(settings, row, SettingProperties.text(value));
            }
        }
        // With development provisioning on and no explicit choice, the startup check is off: it runs as the session
        // factory starts, before provisioning can create a key it would find missing. Provisioning checks every key
        // it lists instead.
        if (properties.getProvisioning().isEnabled() && !settings.containsKey(EncryptionSettings.STARTUP_CHECK)) {
            settings.put(EncryptionSettings.STARTUP_CHECK, "false");
        }
    }

    /**
     * Class names from both prefixes, then the beans: the registry (or the listener list) resolves each entry on its
     * own.
     */
    private static void merge(Map<String, Object> settings, String setting, List<?> classNames, List<?> beans) {
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

    private static void put(Map<String, Object> settings, SettingProperties.Row row, String text) {
        if (text == null) {
            return;
        }
        Object existing = settings.get(row.setting());
        if (existing != null && !existing.toString().equals(text)) {
            // Names only: the values may be passwords.
            throw new AlwaysEncryptedException("Both " + row.property() + " and spring.jpa.properties."
                    + row.setting() + " are set, to different values: keep only one of them");
        }
        settings.put(row.setting(), text);
    }
}
