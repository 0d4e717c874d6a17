package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.keys.ConnectionSource;
import dev.hibernateae.internal.search.TokenSpec;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Connects a session factory with encrypted attributes to the key lifecycle: checks its plaintext window settings
 * against the mapping, makes a {@link LifecycleWatcher} the runtime's source of formats, reads the lifecycle state
 * at boot, registers the unit's encrypted columns for the jobs ({@link ColumnRegistration}), starts watching it, clears the factory's query plan cache whenever it changes (cached plans hold the
 * query shapes and ciphertext literals of the state they were translated in), and stops watching when the factory
 * closes.
 */
public final class LifecycleIntegrator implements Integrator {
    private static final System.Logger LOG = System.getLogger(LifecycleIntegrator.class.getName());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        integrate(factory, List.of());
    }

    /** As {@link #integrate(Metadata, BootstrapContext, SessionFactoryImplementor)}, registering {@code specs} too. */
    public void integrate(SessionFactoryImplementor factory, List<TokenSpec> specs) {
        EncryptionRuntime runtime = factory.getServiceRegistry().getService(EncryptionRuntime.class);
        if (runtime == null || runtime.attributes().isEmpty()) {
            return;
        }
        List<EncryptedAttribute<?>> attributes = runtime.attributes().stream()
                .<EncryptedAttribute<?>>map(EncryptedAttributeConverter::attribute).toList();
        PlaintextWindows windows = PlaintextWindows.from(runtime.config(), attributes);
        // Outside the application's JTA transaction, if any: the first read happens at its first encrypted value.
        Supplier<ConnectionSource> connections = () -> ConnectionSource.of(factory.getServiceRegistry());
        LifecycleWatcher watcher = new LifecycleWatcher(connections, runtime::keyRing, windows,
                runtime.config().lifecyclePollInterval());
        ColumnRegistration registration = new ColumnRegistration(attributes, specs, connections,
                runtime::keyRing);
        watcher.onChange(state -> factory.getQueryEngine().getInterpretationCache().close());
        watcher.onChange(registration::register);
        watcher.afterEveryPoll(registration::registerIfPending);
        runtime.formatSource(watcher);
        // Hibernate generates the schema after the integrators ran and before its observers hear of the new
        // factory: registering from an observer finds the lifecycle tables that schema generation creates.
        factory.addObserver(new SessionFactoryObserver() {
            @Override
            public void sessionFactoryCreated(SessionFactory created) {
                registerAtStartup(registration, watcher);
            }
        });
        watcher.start();
    }

    private static void registerAtStartup(ColumnRegistration registration, LifecycleWatcher watcher) {
        try {
            registration.register(watcher.current());
        } catch (RuntimeException e) {
            // Read again at the first encryption, which fails if the tables still cannot be read.
            LOG.log(System.Logger.Level.WARNING, "Could not read the key lifecycle tables at startup: {0}",
                    e.getMessage());
        }
    }

    @Override
    public void disintegrate(SessionFactoryImplementor factory, SessionFactoryServiceRegistry registry) {
        EncryptionRuntime runtime = factory.getServiceRegistry().getService(EncryptionRuntime.class);
        if (runtime != null) {
            runtime.closeFormatSource();
        }
    }
}
