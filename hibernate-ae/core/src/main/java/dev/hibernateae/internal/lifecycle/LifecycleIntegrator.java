package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Connects a session factory with encrypted attributes to the key lifecycle: reads the lifecycle state at boot,
 * starts watching it, clears the factory's query plan cache whenever it changes (cached plans hold ciphertext
 * literals and rewritten equality predicates of the state they were translated in), and stops watching when the
 * factory closes.
 */
public final class LifecycleIntegrator implements Integrator {
    private static final System.Logger LOG = System.getLogger(LifecycleIntegrator.class.getName());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        EncryptionRuntime runtime = factory.getServiceRegistry().getService(EncryptionRuntime.class);
        if (runtime == null || runtime.lifecycle() == null || runtime.attributes().isEmpty()) {
            return;
        }
        LifecycleWatcher watcher = runtime.lifecycle();
        watcher.onChange(state -> factory.getQueryEngine().getInterpretationCache().close());
        try {
            watcher.current();
        } catch (RuntimeException e) {
            // Read again at the first encryption, which fails if the tables still cannot be read.
            LOG.log(System.Logger.Level.WARNING, "Could not read the key lifecycle tables at startup: {0}",
                    e.getMessage());
        }
        watcher.start();
    }

    @Override
    public void disintegrate(SessionFactoryImplementor factory, SessionFactoryServiceRegistry registry) {
        EncryptionRuntime runtime = factory.getServiceRegistry().getService(EncryptionRuntime.class);
        if (runtime != null && runtime.lifecycle() != null) {
            runtime.lifecycle().close();
        }
    }
}
