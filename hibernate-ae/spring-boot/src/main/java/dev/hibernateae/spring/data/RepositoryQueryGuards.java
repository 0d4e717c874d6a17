package dev.hibernateae.spring.data;

import jakarta.persistence.EntityManagerFactory;
import java.util.function.Function;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;

/**
 * Adds hibernate-ae's startup checks of repository query methods to a Spring Data JPA repository factory, where the
 * Spring Data line in use lets them run before its own: a {@link DeclaredQueryGuard} for {@code @Query} JPQL and a
 * {@link RepositoryQueryGuard} for derived query methods (as a query creation listener, or, where Spring Data builds
 * derived queries as it creates the repository, before that). Spring Boot applications get this through
 * hibernate-ae's auto-configuration.
 */
public final class RepositoryQueryGuards {
    private RepositoryQueryGuards() {
    }

    /**
     * Checks the queries of the repository {@code factory} is about to create, whose entity belongs to
     * {@code entityManagerFactory}.
     *
     * @param repositoryInterface names the repository in messages
     */
    public static void addTo(RepositoryFactorySupport factory, EntityManagerFactory entityManagerFactory,
            Class<?> repositoryInterface) {
        addTo(factory, domainType -> entityManagerFactory.unwrap(SessionFactoryImplementor.class),
                repositoryInterface.getSimpleName());
    }

    /**
     * @param sessionFactories the session factory that manages an entity class, or {@code null} if none does
     * @param repositoryName the repository interface's name, for messages
     */
    static void addTo(RepositoryFactorySupport factory, Function<Class<?>, SessionFactoryImplementor> sessionFactories,
            String repositoryName) {
        factory.addRepositoryProxyPostProcessor(new DeclaredQueryGuard(sessionFactories));
        RepositoryQueryGuard derivedQueries = new RepositoryQueryGuard(sessionFactories, repositoryName);
        if (QueryCreation.DERIVED_WITH_THE_REPOSITORY) {
            factory.addRepositoryProxyPostProcessor(new EarlyDerivedQueryGuard(derivedQueries, sessionFactories));
        } else {
            factory.addQueryCreationListener(derivedQueries);
        }
    }
}
