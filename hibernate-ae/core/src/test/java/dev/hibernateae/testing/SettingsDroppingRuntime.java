package dev.hibernateae.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.config.internal.ConfigurationServiceImpl;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Imitates a runtime that builds its session factory from its own copy of the settings, taken before hibernate-ae's
 * ServiceContributor added its own (as Quarkus does): when a test's settings name it in {@link #DROP}, the
 * configuration Hibernate reads has the listed settings removed, while services see them as usual. Inactive unless
 * asked for.
 */
public final class SettingsDroppingRuntime implements ServiceContributor {
    /** A comma-separated list of settings to hide from the session factory's configuration. */
    public static final String DROP = "hae.test.drop_settings";

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        if (!builder.getSettings().containsKey(DROP)) {
            return;
        }
        builder.addInitiator(new StandardServiceInitiator<ConfigurationService>() {
            @Override
            public Class<ConfigurationService> getServiceInitiated() {
                return ConfigurationService.class;
            }

            @Override
            public ConfigurationService initiateService(Map<String, Object> settings,
                    ServiceRegistryImplementor registry) {
                Map<String, Object> copy = new HashMap<>(settings);
                List.of(String.valueOf(settings.get(DROP)).split(",")).forEach(name -> copy.remove(name.trim()));
                return new ConfigurationServiceImpl(copy);
            }
        });
    }
}
