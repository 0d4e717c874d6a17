package dev.hibernateae.spring.data;

import dev.hibernateae.api.EncryptedQueryCheck;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;
import java.util.function.Function;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.jpa.repository.query.JpaQueryMethod;
import org.springframework.data.jpa.repository.query.PartTreeJpaQuery;
import org.springframework.data.repository.core.support.QueryCreationListener;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * Checks each Spring Data JPA query method with hibernate-ae's query guard when its repository is created, so that a
 * method that cannot work on encrypted attributes ({@code findBySsnLike}, {@code findByBirthDateAfter} on an
 * encrypted birth date, {@code ...OrderBySsn}) stops the application at startup with the guard's
 * {@link UnsupportedEncryptedQueryException}, instead of failing when first called. Spring Data builds a derived
 * query only when the method runs, from its arguments; this check renders the method name's conditions and
 * ordering as JPQL and lets the guard judge that. {@code @Query} JPQL is checked by {@link DeclaredQueryGuard}, before
 * Spring Data creates (and validates) those queries. Native queries are not checked (native SQL is never rewritten).
 * Queries built at run time (Specifications, Criteria, a {@code Sort} or {@code Pageable} argument) are checked by
 * the guard when they run.
 *
 * <p>Spring Boot applications get this through hibernate-ae's auto-configuration; others add it to their
 * {@code JpaRepositoryFactory}, with a {@link DeclaredQueryGuard}, through {@link RepositoryQueryGuards#addTo}, which
 * runs it when the Spring Data line in use allows.
 */
public final class RepositoryQueryGuard implements QueryCreationListener<RepositoryQuery> {
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryQueryGuard.class);

    private final Function<Class<?>, SessionFactoryImplementor> sessionFactories;
    private final String repositoryName;

    /**
     * Checks the queries of a repository whose entity belongs to {@code entityManagerFactory}.
     *
     * @param repositoryInterface names the repository in messages
     */
    public RepositoryQueryGuard(EntityManagerFactory entityManagerFactory, Class<?> repositoryInterface) {
        this(domainType -> entityManagerFactory.unwrap(SessionFactoryImplementor.class),
                repositoryInterface.getSimpleName());
    }

    /**
     * @param sessionFactories the session factory that manages an entity class, or {@code null} if none does
     * @param repositoryName the repository interface's name, for messages
     */
    RepositoryQueryGuard(Function<Class<?>, SessionFactoryImplementor> sessionFactories, String repositoryName) {
        this.sessionFactories = Objects.requireNonNull(sessionFactories, "sessionFactories");
        this.repositoryName = Objects.requireNonNull(repositoryName, "repositoryName");
    }

    @Override
    public void onCreation(RepositoryQuery query) {
        if (query instanceof PartTreeJpaQuery && query.getQueryMethod() instanceof JpaQueryMethod method) {
            checkDerived(method);
        }
        // @Query JPQL is checked by DeclaredQueryGuard before Spring Data creates the query; named queries are
        // checked when Hibernate starts.
    }

    /** Checks a derived query method: the conditions and ordering its name states. */
    void checkDerived(JpaQueryMethod method) {
        Class<?> domainType = method.getEntityInformation().getJavaType();
        SessionFactoryImplementor sessionFactory = sessionFactories.apply(domainType);
        EncryptedQueryCheck queryCheck = sessionFactory == null ? null
                : EncryptedQueryCheck.of(sessionFactory).orElse(null);
        if (queryCheck == null) {
            return; // nothing encrypted in that persistence unit
        }
        String entityName = sessionFactory.getMappingMetamodel().getEntityDescriptor(domainType).getEntityName();
        String jpql;
        try {
            jpql = DerivedQueryJpql.render(new PartTree(method.getName(), domainType), domainType, entityName);
        } catch (RuntimeException e) {
            skipped(method, e);
            return;
        }
        check(queryCheck, method, jpql);
    }

    private void check(EncryptedQueryCheck queryCheck, JpaQueryMethod method, String jpql) {
        try {
            GuardedJpql.check(queryCheck, jpql, describe(method));
        } catch (UnsupportedEncryptedQueryException e) {
            throw e;
        } catch (RuntimeException e) {
            // Spring Data accepted the method, so this is the check's own shortcoming: say so, stay out of the way.
            LOG.warn("hibernate-ae could not check repository method {} at startup ({}); the query is checked when "
                    + "it runs", describe(method), e.toString());
        }
    }

    private String describe(JpaQueryMethod method) {
        return repositoryName + "." + method.getName();
    }

    /** A method name this check cannot render (Spring Data rejects those itself); its query is checked when it runs. */
    private void skipped(JpaQueryMethod method, RuntimeException e) {
        LOG.debug("hibernate-ae could not check repository method {} at startup ({}); it is checked when it runs",
                describe(method), e.toString());
    }
}
