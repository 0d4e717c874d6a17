package dev.hibernateae.internal.boot;

import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.orm.SupportedHibernate;
import dev.hibernateae.internal.query.QueryStageInstaller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * What {@link EncryptionServiceContributor} adds to a service registry, for a runtime that rebuilds the registry of
 * a running application from a list of initiators and settings recorded earlier, without asking service contributors
 * again (Quarkus builds the metadata first and the session factory's registry later, from its own list). Such a
 * runtime applies {@link #querySettings()} and registers {@link #initiators(ClassLoader)}; otherwise the session factory's
 * encrypted attributes have no settings, no keys and no query stage, and {@link HibernateAeIntegrator} refuses to
 * start it.
 */
public final class RebuiltServiceRegistries {
    private RebuiltServiceRegistries() {
    }

    /** The settings that install the query stage's HQL reader and SQM translator. */
    public static Map<String, String> querySettings() {
        SupportedHibernate.require();
        return QueryStageInstaller.settings();
    }

    /**
     * New initiators of every service hibernate-ae adds to a registry: its settings ({@link AeConfig}), the key
     * hierarchy, the {@link EncryptionRuntime} and the query stage's multi-table mutation strategy provider.
     *
     * @param applicationClasses the class loader of the application's classes, which loads the key store providers
     *        and key ring listeners the settings name by class name, and finds providers in
     *        {@code META-INF/services}: a runtime whose libraries sit in a parent class loader of the application's
     *        classes (Quarkus in development and test mode) passes the application's
     */
    public static List<StandardServiceInitiator<?>> initiators(ClassLoader applicationClasses) {
        SupportedHibernate.require();
        List<StandardServiceInitiator<?>> initiators = new ArrayList<>(
                encryptionServices(Objects.requireNonNull(applicationClasses, "applicationClasses")));
        initiators.add(QueryStageInstaller.multiTableMutationInitiator());
        return initiators;
    }

    /**
     * The initiators of the settings, the key hierarchy and the runtime of the encrypted attributes.
     *
     * @param applicationClasses the class loader of classes named in the settings; {@code null} for the core's own
     */
    static List<StandardServiceInitiator<?>> encryptionServices(ClassLoader applicationClasses) {
        return List.of(new StandardServiceInitiator<AeConfig>() {
            @Override
            public Class<AeConfig> getServiceInitiated() {
                return AeConfig.class;
            }

            @Override
            public AeConfig initiateService(Map<String, Object> settings, ServiceRegistryImplementor registry) {
                return AeConfig.of(settings);
            }
        }, new StandardServiceInitiator<KeyHierarchyService>() {
            @Override
            public Class<KeyHierarchyService> getServiceInitiated() {
                return KeyHierarchyService.class;
            }

            @Override
            public KeyHierarchyService initiateService(Map<String, Object> settings,
                    ServiceRegistryImplementor registry) {
                return new KeyHierarchyService(registry.requireService(AeConfig.class), registry,
                        applicationClasses);
            }
        }, new StandardServiceInitiator<EncryptionRuntime>() {
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
