package dev.hibernateae.quarkus;

import io.quarkus.hibernate.orm.runtime.integration.HibernateOrmIntegrationStaticInitListener;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;

/**
 * Gives Hibernate the {@code hibernate.ae.*} settings it reads while building the mapping (Quarkus builds it at
 * static init, from build-time configuration).
 */
final class HibernateAeStaticInitListener implements HibernateOrmIntegrationStaticInitListener {
    private final Map<String, String> settings;

    HibernateAeStaticInitListener(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void contributeBootProperties(BiConsumer<String, Object> propertyCollector) {
        settings.forEach(propertyCollector);
    }

    @Override
    public void onMetadataInitialized(Metadata metadata, BootstrapContext bootstrapContext,
            BiConsumer<String, Object> propertyCollector) {
        // Nothing to add once the mapping is built.
    }
}
