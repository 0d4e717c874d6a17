package dev.hibernateae.internal.guard;

import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * Hands the session factory to its {@link GuardedHqlTranslator} (which Hibernate creates without one) and marks the
 * window in which Hibernate reads the named queries, so an error there names the named query.
 */
public final class QueryGuardIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        if (factory.getSessionFactoryOptions().getCustomHqlTranslator() instanceof GuardedHqlTranslator translator) {
            translator.attach(factory);
            // Runs after Hibernate's own observer, which checks the named queries.
            factory.addObserver(new SessionFactoryObserver() {
                @Override
                public void sessionFactoryCreated(SessionFactory created) {
                    translator.started();
                }
            });
        }
    }
}
