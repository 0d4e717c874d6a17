package dev.hibernateae.spring;

import dev.hibernateae.spi.ColumnMasterKeyProvider;
import dev.hibernateae.spi.KeyRingListener;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;

/**
 * Puts the {@code hibernate-ae.*} properties and the application's {@link ColumnMasterKeyProvider} and
 * {@link KeyRingListener} beans into the Hibernate settings that Spring Boot builds from
 * {@code spring.jpa.properties.*}. A setting given both ways must have the same value; providers (and listeners) from
 * every source are registered together.
 */
public final class EncryptionSettingsCustomizer implements HibernatePropertiesCustomizer {
    private final EncryptionSettingsContribution contribution;

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
        this.contribution = new EncryptionSettingsContribution(properties, providerBeans, listenerBeans);
    }

    /**
     * Applies every row of {@link SettingProperties}: a property that is set becomes its setting; providers and
     * listeners are merged with the beans.
     */
    @Override
    public void customize(Map<String, Object> settings) {
        contribution.applyTo(settings);
    }
}
