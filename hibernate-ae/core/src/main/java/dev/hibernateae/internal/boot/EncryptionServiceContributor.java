package dev.hibernateae.internal.boot;

import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.orm.SupportedHibernate;
import dev.hibernateae.internal.query.QueryStageInstaller;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Found by Hibernate through {@code META-INF/services}: registers the settings ({@link AeConfig}, parsed once from the
 * registry's final settings) and the {@link EncryptionRuntime} of each service registry, so adding the jar and annotating attributes is all a user does. The one place that wires the layers
 * together (the Hibernate binding, the key hierarchy of {@link KeyHierarchyService}, the query stage); the startup
 * check and the key lifecycle join them when the session factory is built ({@link HibernateAeIntegrator}).
 */
public final class EncryptionServiceContributor implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        SupportedHibernate.require();
        QueryStageInstaller.install(builder);
        builder.addInitiator(new StandardServiceInitiator<AeConfig>() {
            @Override
            public Class<AeConfig> getServiceInitiated() {
                return AeConfig.class;
            }

            @Override
            public AeConfig initiateService(Map<String, Object> settings, ServiceRegistryImplementor registry) {
                return AeConfig.of(settings);
            }
        });
        builder.addInitiator(new StandardServiceInitiator<KeyHierarchyService>() {
            @Override
            public Class<KeyHierarchyService> getServiceInitiated() {
                return KeyHierarchyService.class;
            }

            @Override
            public KeyHierarchyService initiateService(Map<String, Object> settings,
                    ServiceRegistryImplementor registry) {
                return new KeyHierarchyService(registry.requireService(AeConfig.class), registry);
            }
        });
        builder.addInitiator(new StandardServiceInitiator<EncryptionRuntime>() {
            @Override
            public Class<EncryptionRuntime> getServiceInitiated() {
                return EncryptionRuntime.class;
            }

            @Override
            public EncryptionRuntime initiateService(Map<String, Object> settings, ServiceRegistryImplementor registry) {
                // Built on first use: the key tables are read through Hibernate's own connections, which exist
                // only once the service registry is complete.
                return new EncryptionRuntime(registry.requireService(AeConfig.class), runtime -> registry
                        .requireService(KeyHierarchyService.class).hierarchy().keyRing());
            }
        });
    }
}
