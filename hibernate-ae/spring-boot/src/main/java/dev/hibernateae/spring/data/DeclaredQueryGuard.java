package dev.hibernateae.spring.data;

import dev.hibernateae.api.EncryptedQueryCheck;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.data.jpa.provider.PersistenceProvider;
import org.springframework.data.jpa.repository.query.JpaQueryMethod;
import org.springframework.data.projection.SpelAwareProxyProjectionFactory;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.support.RepositoryProxyPostProcessor;

/**
 * Checks the {@code @Query} JPQL of each repository method (and its count query, for a method returning a
 * {@code Page}) with hibernate-ae's query guard when the repository is created, so that a query that cannot work on
 * encrypted attributes stops startup with an {@link UnsupportedEncryptedQueryException} whose message names the
 * repository method ({@code Repository method PatientRepository.search: Query cannot run on encrypted data:
 * Patient.ssn ...}).
 *
 * <p>Spring Data creates a repository's queries, and validates {@code @Query} JPQL by reading it through Hibernate,
 * right after the repository's proxy post-processors ran; a refusal there reaches startup as Spring Data's
 * {@code Query validation failed for '<the query text>'}, which names neither the method nor the attribute. This
 * post-processor runs first, on the JPQL Spring Data would hand to Hibernate (see {@link DeclaredQueryJpql}). A query
 * it cannot read for any other reason is left to Spring Data, which reports its own objections. Native queries are
 * not checked (native SQL is never rewritten); named queries are checked when Hibernate starts.
 *
 * <p>Spring Boot applications get this through hibernate-ae's auto-configuration; others add it to their
 * {@code JpaRepositoryFactory} with {@link RepositoryQueryGuards#addTo}.
 */
public final class DeclaredQueryGuard implements RepositoryProxyPostProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(DeclaredQueryGuard.class);

    private final Function<Class<?>, SessionFactoryImplementor> sessionFactories;
    private final SpelAwareProxyProjectionFactory projections = new SpelAwareProxyProjectionFactory();

    /** Checks the queries of repositories whose entities belong to {@code entityManagerFactory}. */
    public DeclaredQueryGuard(EntityManagerFactory entityManagerFactory) {
        this(domainType -> entityManagerFactory.unwrap(SessionFactoryImplementor.class));
    }

    /** @param sessionFactories the session factory that manages an entity class, or {@code null} if none does */
    DeclaredQueryGuard(Function<Class<?>, SessionFactoryImplementor> sessionFactories) {
        this.sessionFactories = Objects.requireNonNull(sessionFactories, "sessionFactories");
    }

    @Override
    public void postProcess(ProxyFactory factory, RepositoryInformation repository) {
        SessionFactoryImplementor sessionFactory = sessionFactories.apply(repository.getDomainType());
        EncryptedQueryCheck queryCheck = sessionFactory == null ? null
                : EncryptedQueryCheck.of(sessionFactory).orElse(null);
        if (queryCheck == null) {
            return; // nothing encrypted in that persistence unit
        }
        for (Method method : repository.getQueryMethods()) {
            String name = repository.getRepositoryInterface().getSimpleName() + "." + method.getName();
            JpaQueryMethod queryMethod;
            try {
                queryMethod = new JpaQueryMethod(method, repository, projections, PersistenceProvider.HIBERNATE);
            } catch (RuntimeException e) {
                skipped(name, e); // Spring Data rejects the method itself when it creates its query
                continue;
            }
            if (queryMethod.getAnnotatedQuery() == null) {
                continue; // derived, named or stored procedure
            }
            String entityName = queryMethod.getEntityInformation().getEntityName();
            check(queryCheck, DeclaredQueries.jpql(queryMethod, method), entityName, name);
            if (queryMethod.isPageQuery()) {
                // As Spring Data: a declared count query is validated (and run) only for a method returning a Page.
                check(queryCheck, DeclaredQueries.countJpql(queryMethod, method), entityName, name + " (count query)");
            }
        }
    }

    /** @param declared the declared JPQL; {@code null} for none or a native query, which are not checked */
    private static void check(EncryptedQueryCheck queryCheck, String declared, String entityName,
            String repositoryMethod) {
        if (declared == null) {
            return;
        }
        try {
            Optional<String> jpql = DeclaredQueryJpql.render(declared, entityName);
            if (jpql.isPresent()) {
                GuardedJpql.check(queryCheck, jpql.get(), repositoryMethod);
            }
        } catch (UnsupportedEncryptedQueryException e) {
            throw e;
        } catch (RuntimeException e) {
            skipped(repositoryMethod, e);
        }
    }

    /** Only the exception's type: Hibernate's messages quote the query, whose literals may be sensitive values. */
    private static void skipped(String repositoryMethod, RuntimeException e) {
        LOG.debug("hibernate-ae did not check the query of repository method {} before Spring Data creates it ({}); "
                + "Spring Data's validation of it still runs through the guarded HQL reader", repositoryMethod,
                e.getClass().getName());
    }
}
