package dev.hibernateae.internal.boot;

import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.internal.keys.ConnectionSource;
import dev.hibernateae.internal.keys.KeyHierarchy;
import java.util.Objects;
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
    private volatile KeyHierarchy hierarchy;

    KeyHierarchyService(AeConfig config, ServiceRegistryImplementor registry) {
        this.config = Objects.requireNonNull(config, "config");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public KeyHierarchy hierarchy() {
        KeyHierarchy built = hierarchy;
        if (built == null) {
            synchronized (this) {
                built = hierarchy;
                if (built == null) {
                    built = KeyHierarchy.builder()
                            .config(config)
                            .connections(ConnectionSource.of(registry))
                            .build();
                    hierarchy = built;
                }
            }
        }
        return built;
    }
}
