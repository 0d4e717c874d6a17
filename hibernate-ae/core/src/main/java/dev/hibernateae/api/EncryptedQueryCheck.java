package dev.hibernateae.api;

import dev.hibernateae.internal.query.QueryTextCheck;
import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Checks a JPQL or HQL string against a persistence unit's encrypted attributes without running it, for frameworks
 * that know their queries before the application calls them (the Spring Boot module checks Spring Data repository
 * methods with it at startup) and for tests:
 *
 * <pre>{@code
 * EncryptedQueryCheck.of(emf).ifPresent(check -> check.check("select p from Patient p where p.ssn = :ssn"));
 * }</pre>
 *
 * <p>A query is judged exactly as when the application creates it: by the same guard, so
 * {@link UnsupportedEncryptedQueryException} names the attribute and the operation, never a value or the query text.
 * Checking reads the query with Hibernate's parser; it opens no session and touches no database.
 */
public final class EncryptedQueryCheck {
    private final SessionFactoryImplementor sessionFactory;

    private EncryptedQueryCheck(SessionFactoryImplementor sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /**
     * The check of a persistence unit, or empty when it has no {@code @Encrypted} attribute (every query is then left
     * to Hibernate alone).
     *
     * @param factory an open Hibernate {@link EntityManagerFactory} (a {@code SessionFactory} is one)
     * @return the check, or empty when nothing in the persistence unit is encrypted
     */
    public static Optional<EncryptedQueryCheck> of(EntityManagerFactory factory) {
        SessionFactoryImplementor sessionFactory = Objects.requireNonNull(factory, "factory")
                .unwrap(SessionFactoryImplementor.class);
        return QueryTextCheck.guards(sessionFactory) ? Optional.of(new EncryptedQueryCheck(sessionFactory))
                : Optional.empty();
    }

    /**
     * Checks one select, update, delete or insert statement written in JPQL or HQL, with named or positional
     * parameters. Literals on encrypted attributes are judged by the persistence unit's settings, as at run time.
     *
     * @param query the JPQL or HQL text
     * @throws UnsupportedEncryptedQueryException when the query uses an encrypted attribute in a way the database
     *         cannot evaluate on ciphertext
     * @throws RuntimeException whatever Hibernate throws for a query it cannot read itself (a syntax error, an
     *         unknown entity or attribute), unchanged; its message may quote the query, literals included
     */
    public void check(String query) {
        QueryTextCheck.check(sessionFactory, Objects.requireNonNull(query, "query"));
    }
}
