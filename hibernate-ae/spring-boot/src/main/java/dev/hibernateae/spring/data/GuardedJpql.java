package dev.hibernateae.spring.data;

import dev.hibernateae.api.EncryptedQueryCheck;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;

/** Lets hibernate-ae's query guard judge the JPQL of a repository method before the method's query is created. */
final class GuardedJpql {

    private GuardedJpql() {
    }

    /**
     * Has hibernate-ae's {@link EncryptedQueryCheck} judge {@code jpql}: it reads the query through Hibernate's query
     * engine, whose HQL reader is hibernate-ae's, so the query meets the same guard (and the same explanation of
     * Hibernate's own refusals, such as LIKE on VARBINARY) as when Spring Data creates it.
     *
     * @param repositoryMethod {@code Interface.method}, for the message of a refusal
     * @throws UnsupportedEncryptedQueryException the guard's refusal, naming the repository method
     * @throws RuntimeException whatever else Hibernate's reader throws, unchanged: the caller decides
     */
    static void check(EncryptedQueryCheck check, String jpql, String repositoryMethod) {
        try {
            check.check(jpql);
        } catch (UnsupportedEncryptedQueryException e) {
            throw RepositoryMethodRefusal.naming(e, repositoryMethod);
        }
    }
}
