package dev.hibernateae.spring.data;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** Lets hibernate-ae's query guard judge the JPQL of a repository method before the method's query is created. */
final class GuardedJpql {

    private GuardedJpql() {
    }

    /**
     * Reads {@code jpql} through Hibernate's query engine, whose HQL reader is hibernate-ae's: it checks the statement
     * with the guard (and explains Hibernate's own refusals, such as LIKE on VARBINARY, in the guard's words). A
     * session factory with encrypted attributes does not start without that reader, so one reading is one check.
     *
     * @param repositoryMethod {@code Interface.method}, for the message of a refusal
     * @throws UnsupportedEncryptedQueryException the guard's refusal, naming the repository method
     * @throws RuntimeException whatever else Hibernate's reader throws, unchanged: the caller decides
     */
    static void check(SessionFactoryImplementor sessionFactory, String jpql, String repositoryMethod) {
        try {
            sessionFactory.getQueryEngine().getHqlTranslator().translate(jpql, null);
        } catch (UnsupportedEncryptedQueryException e) {
            throw RepositoryMethodRefusal.naming(e, repositoryMethod);
        }
    }
}
