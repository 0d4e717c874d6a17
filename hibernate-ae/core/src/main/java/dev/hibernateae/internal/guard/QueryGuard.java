package dev.hibernateae.internal.guard;

import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import java.util.Set;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.predicate.SqmPredicate;

/**
 * Refuses queries that use encrypted attributes in ways the database cannot evaluate on ciphertext. Works on
 * Hibernate's semantic query tree, so HQL, JPQL, Criteria and (through their HQL) Spring Data {@code @Query}
 * strings are checked alike, whatever the database.
 */
public final class QueryGuard {
    private final EncryptedPathResolver resolver;
    private final Set<String> searchedEntities;

    public QueryGuard(MappingMetamodel metamodel) {
        this(metamodel, Set.of());
    }

    /** @param searchedEntities the entities with search tokens, which bulk mutations would leave stale */
    public QueryGuard(MappingMetamodel metamodel, Set<String> searchedEntities) {
        this.resolver = new EncryptedPathResolver(metamodel);
        this.searchedEntities = Set.copyOf(searchedEntities);
    }

    /** The guard of a session factory, or {@code null} when its persistence unit encrypts nothing. */
    public static QueryGuard forFactory(SessionFactoryImplementor factory) {
        EncryptionRuntime runtime = factory.getServiceRegistry().getService(EncryptionRuntime.class);
        if (runtime == null || runtime.attributes().isEmpty()) {
            return null;
        }
        return new QueryGuard(factory.getMappingMetamodel(), runtime.searchedEntities());
    }

    /**
     * Checks one select, update, delete or insert statement.
     *
     * @param literals whether literals may meet encrypted attributes in this statement's text
     * @throws dev.hibernateae.api.UnsupportedEncryptedQueryException naming the attribute and operation that cannot
     *         work on ciphertext
     */
    public void check(SqmStatement<?> statement, LiteralRule literals) {
        new EncryptedQueryWalker(resolver, literals, searchedEntities).check(statement);
    }

    /** The search that search tokens answer in {@code predicate}, or null; see {@link SearchPredicate}. */
    public SearchPredicate search(SqmPredicate predicate) {
        return SearchPredicate.of(predicate, resolver);
    }

    EncryptedPathResolver resolver() {
        return resolver;
    }
}
