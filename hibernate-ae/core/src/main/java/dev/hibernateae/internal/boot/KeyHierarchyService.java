package dev.hibernateae.internal.boot;

import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.internal.keys.ConnectionSource;
import dev.hibernateae.internal.keys.KeyHierarchy;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.service.Service;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * The key hierarchy of one service registry (so one persistence unit), built on first use: the key tables are read
 * through Hibernate's own connections, which exist only once the service registry is complete, outside any JTA
 * transaction of the application ({@link ConnectionSource#of(org.hibernate.service.ServiceRegistry)}). The
 * {@link dev.hibernateae.internal.hibernate.EncryptionRuntime}'s key ring is this hierarchy's, and the startup check
 * uses its providers and key tables, so both see one set of providers and one key cache.
 */
public final class KeyHierarchyService implements Service {
    private final AeConfig config;
    private final ServiceRegistryImplementor registry;
    private final ClassLoader applicationClasses;
    private volatile KeyHierarchy hierarchy;

    /**
     * @param applicationClasses the class loader that loads the providers and key ring listeners the settings name by
     *        class name and finds providers in {@code META-INF/services}; {@code null} for the core's own
     */
    KeyHierarchyService(AeConfig config, ServiceRegistryImplementor registry, ClassLoader applicationClasses) {
        this.config = Objects.requireNonNull(config, "config");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.applicationClasses = applicationClasses;
    }

    /**
     * The class loader of the application's classes this registry was given (a runtime whose libraries sit in a
     * parent class loader, such as Quarkus in development and test mode), or empty for the core's own.
     */
    public Optional<ClassLoader> applicationClasses() {
        return Optional.ofNullable(applicationClasses);
    }

    public KeyHierarchy hierarchy() {
        KeyHierarchy built = hierarchy;
        if (built == null) {
            synchronized (this) {
                built = hierarchy;
                if (built == null) {
                    KeyHierarchy.Builder builder = KeyHierarchy.builder()
                            .config(config)
                            .connections(ConnectionSource.of(registry));
                    if (applicationClasses != null) {
                        builder.classLoader(applicationClasses);
                    }
                    built = builder.build();
                    hierarchy = built;
                }
            }
        }
        return built;
    }
}
