package dev.hibernateae.spring.data;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.function.Function;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.data.jpa.provider.PersistenceProvider;
import org.springframework.data.jpa.repository.query.JpaQueryMethod;
import org.springframework.data.projection.SpelAwareProxyProjectionFactory;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.support.RepositoryProxyPostProcessor;

/**
 * Runs a {@link RepositoryQueryGuard}'s check of derived query methods before Spring Data creates the repository's
 * queries, for Spring Data lines that build a derived query as they create it (see {@code QueryCreation}). A method
 * is derived when it has no {@code @Query}, is no stored procedure and no JPA named query bears its name.
 */
final class EarlyDerivedQueryGuard implements RepositoryProxyPostProcessor {
    private final RepositoryQueryGuard derivedQueries;
    private final Function<Class<?>, SessionFactoryImplementor> sessionFactories;
    private final SpelAwareProxyProjectionFactory projections = new SpelAwareProxyProjectionFactory();

    EarlyDerivedQueryGuard(RepositoryQueryGuard derivedQueries,
            Function<Class<?>, SessionFactoryImplementor> sessionFactories) {
        this.derivedQueries = Objects.requireNonNull(derivedQueries, "derivedQueries");
        this.sessionFactories = Objects.requireNonNull(sessionFactories, "sessionFactories");
    }

    @Override
    public void postProcess(ProxyFactory factory, RepositoryInformation repository) {
        SessionFactoryImplementor sessionFactory = sessionFactories.apply(repository.getDomainType());
        if (sessionFactory == null) {
            return;
        }
        for (Method method : repository.getQueryMethods()) {
            JpaQueryMethod queryMethod;
            try {
                queryMethod = new JpaQueryMethod(method, repository, projections, PersistenceProvider.HIBERNATE);
            } catch (RuntimeException e) {
                continue; // Spring Data rejects the method itself when it creates its query
            }
            if (queryMethod.getAnnotatedQuery() == null && !queryMethod.isProcedureQuery()
                    && !hasNamedQuery(sessionFactory, queryMethod.getNamedQueryName())) {
                derivedQueries.checkDerived(queryMethod);
            }
        }
    }

    private static boolean hasNamedQuery(SessionFactoryImplementor sessionFactory, String name) {
        EntityManager entityManager = sessionFactory.createEntityManager();
        try {
            entityManager.createNamedQuery(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        } finally {
            entityManager.close();
        }
    }
}
