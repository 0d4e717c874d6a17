package dev.hibernateae.internal.query;

import dev.hibernateae.internal.guard.QueryGuard;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.hql.HqlTranslator;

/**
 * Judges a query string without running it, for {@link dev.hibernateae.api.EncryptedQueryCheck}: the string is read
 * by the session factory's HQL reader, which is the {@link HqlReader} wherever something is encrypted, so it meets
 * the same guard, and the same rewording of Hibernate's type errors, as a query the application creates.
 */
public final class QueryTextCheck {
    private QueryTextCheck() {
    }

    /** Whether queries of {@code factory} are guarded at all: false when its persistence unit encrypts nothing. */
    public static boolean guards(SessionFactoryImplementor factory) {
        return QueryGuard.forFactory(factory) != null;
    }

    /**
     * Reads {@code hql} as Hibernate would when a query is created from it.
     *
     * @throws dev.hibernateae.api.UnsupportedEncryptedQueryException the guard's refusal
     * @throws dev.hibernateae.api.AlwaysEncryptedException when hibernate-ae's reader is not installed (its
     *         service files were dropped), rather than reading the query unguarded
     */
    public static void check(SessionFactoryImplementor factory, String hql) {
        HqlTranslator reader = factory.getQueryEngine().getHqlTranslator();
        if (!(reader instanceof HqlReader)) {
            throw QueryStageIntegrator.notIntegrated();
        }
        reader.translate(hql, null);
    }
}
