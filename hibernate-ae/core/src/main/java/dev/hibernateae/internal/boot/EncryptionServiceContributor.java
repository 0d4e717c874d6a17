package dev.hibernateae.internal.boot;

import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.orm.SupportedHibernate;
import dev.hibernateae.internal.query.QueryStageInstaller;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Found by Hibernate through {@code META-INF/services}: registers the settings ({@link AeConfig}, parsed once from the
 * registry's final settings) and the {@link EncryptionRuntime} of each service registry, so adding the jar and
 * annotating attributes is all a user does. The one place that wires the layers together (the Hibernate binding, the
 * key hierarchy of {@link KeyHierarchyService}, the query stage); the startup check and the key lifecycle join them
 * when the session factory is built ({@link HibernateAeIntegrator}). Runtimes that rebuild the service registry
 * without service contributors take the same parts from {@link RebuiltServiceRegistries}.
 */
public final class EncryptionServiceContributor implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        SupportedHibernate.require();
        QueryStageInstaller.install(builder);
        RebuiltServiceRegistries.encryptionServices(null).forEach(builder::addInitiator);
    }
}
