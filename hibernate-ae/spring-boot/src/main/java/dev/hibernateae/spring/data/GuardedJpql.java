package dev.hibernateae.spring.data;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.guard.QueryGuard;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.sqm.tree.SqmStatement;

/** Lets hibernate-ae's query guard judge the JPQL of a repository method before the method's query is created. */
final class GuardedJpql {

    private GuardedJpql() {
    }

    /**
     * Reads {@code jpql} through Hibernate's query engine, which runs hibernate-ae's guarded HQL reader (and so
     * explains Hibernate's own refusals, such as LIKE on VARBINARY, in the guard's words), then checks the statement
     * explicitly: one more tree walk, which does not depend on how the reader is wired.
     *
     * @param repositoryMethod {@code Interface.method}, for the message of a refusal
     * @throws UnsupportedEncryptedQueryException the guard's refusal, naming the repository method
     * @throws RuntimeException whatever else Hibernate's reader throws, unchanged: the caller decides
     */
    static void check(SessionFactoryImplementor sessionFactory, QueryGuard guard, String jpql,
            String repositoryMethod) {
        try {
            SqmStatement<?> statement = sessionFactory.getQueryEngine().getHqlTranslator().translate(jpql, null);
            guard.check(statement);
        } catch (UnsupportedEncryptedQueryException e) {
            throw RepositoryMethodRefusal.naming(e, repositoryMethod);
        }
    }
}
