package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.guard.QueryGuardInstaller;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Found by Hibernate through {@code META-INF/services}: registers the {@link EncryptionRuntime} of each service
 * registry, so adding the jar and annotating attributes is all a user does.
 */
public final class EncryptionServiceContributor implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        QueryGuardInstaller.install(builder);
        builder.addInitiator(new StandardServiceInitiator<EncryptionRuntime>() {
            @Override
            public Class<EncryptionRuntime> getServiceInitiated() {
                return EncryptionRuntime.class;
            }

            @Override
            public EncryptionRuntime initiateService(Map<String, Object> settings, ServiceRegistryImplementor registry) {
                return new EncryptionRuntime(new HashMap<>(settings), runtime -> {
                    throw new AlwaysEncryptedException("No key ring is configured: the database key store is not "
                            + "wired yet");
                });
            }
        });
    }
}
