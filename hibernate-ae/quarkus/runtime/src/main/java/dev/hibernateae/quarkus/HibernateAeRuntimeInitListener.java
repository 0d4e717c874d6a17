package dev.hibernateae.quarkus;

import dev.hibernateae.internal.boot.RebuiltServiceRegistries;
import io.quarkus.hibernate.orm.runtime.integration.HibernateOrmIntegrationRuntimeInitListener;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hibernate.boot.registry.StandardServiceInitiator;

/**
 * Puts hibernate-ae into the service registry Quarkus builds for a persistence unit when the application starts.
 * Quarkus rebuilds that registry from its own list of services and settings, without Hibernate's service
 * contributors, so what the core's contributor would add is added here: the query stage's settings (always; the core
 * refuses to start encrypted attributes without them), the {@code hibernate.ae.*} settings of
 * {@code quarkus.hibernate-ae.*}, and the core's services. Quarkus applies
 * {@code quarkus.hibernate-orm.unsupported-properties} after these, so a setting given there wins.
 */
final class HibernateAeRuntimeInitListener implements HibernateOrmIntegrationRuntimeInitListener {
    private final Map<String, String> settings;
    private final ClassLoader applicationClasses;

    /**
     * @param applicationClasses the class loader of the application's classes: in development and test mode
     *        Quarkus loads libraries such as the core in a parent of it, which cannot see a key ring listener or key
     *        store provider of the application
     */
    HibernateAeRuntimeInitListener(Map<String, String> settings, ClassLoader applicationClasses) {
        this.settings = Map.copyOf(settings);
        this.applicationClasses = applicationClasses;
    }

    @Override
    public void contributeRuntimeProperties(BiConsumer<String, Object> propertyCollector) {
        RebuiltServiceRegistries.querySettings().forEach(propertyCollector);
        settings.forEach(propertyCollector);
    }

    @Override
    public List<StandardServiceInitiator<?>> contributeServiceInitiators() {
        return RebuiltServiceRegistries.initiators(applicationClasses);
    }
}
