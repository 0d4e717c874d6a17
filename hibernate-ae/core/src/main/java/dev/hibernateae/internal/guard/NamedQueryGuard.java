package dev.hibernateae.internal.guard;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.query.spi.QueryEngine;
import org.hibernate.query.sqm.spi.NamedSqmQueryMemento;
import org.hibernate.query.sqm.tree.SqmStatement;

/**
 * Checks every named HQL/JPQL and Criteria query ({@code @NamedQuery}, {@code orm.xml},
 * {@code EntityManagerFactory.addNamedQuery}) with the {@link QueryGuard} when the session factory starts, so a
 * named query that cannot work on ciphertext stops startup instead of failing on first use. Runs after Hibernate
 * has registered and parsed the named queries; skipped when the application turned Hibernate's own startup check
 * of named queries off ({@code hibernate.query.startup_check=false}), in which case the queries are still checked
 * when first run.
 */
public final class NamedQueryGuard implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        factory.addObserver(new SessionFactoryObserver() {
            @Override
            public void sessionFactoryCreated(SessionFactory created) {
                check((SessionFactoryImplementor) created);
            }
        });
    }

    static void check(SessionFactoryImplementor factory) {
        EncryptionRuntime runtime = factory.getServiceRegistry().getService(EncryptionRuntime.class);
        if (runtime != null && runtime.attributes().isEmpty()
                || !factory.getSessionFactoryOptions().isNamedQueryStartupCheckingEnabled()) {
            return;
        }
        QueryEngine engine = factory.getQueryEngine();
        QueryGuard guard = new QueryGuard(factory.getMappingMetamodel());
        engine.getNamedObjectRepository().visitSqmQueryMementos(memento -> check(guard, engine, memento));
    }

    private static void check(QueryGuard guard, QueryEngine engine, NamedSqmQueryMemento<?> memento) {
        SqmStatement<?> statement = memento.getHqlString() != null
                ? engine.getInterpretationCache().resolveHqlInterpretation(memento.getHqlString(), null,
                        engine.getHqlTranslator()).getSqmStatement()
                : memento.getSqmStatement();
        if (statement == null) {
            return;
        }
        try {
            guard.check(statement);
        } catch (UnsupportedEncryptedQueryException e) {
            throw new UnsupportedEncryptedQueryException(e.attribute(), e.operation(), "Named query '"
                    + memento.getRegistrationName() + "': " + e.getMessage(), e);
        }
    }
}
