package dev.hibernateae.internal.query;

import org.hibernate.cfg.QuerySettings;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslator;
import org.hibernate.query.sqm.sql.SqmTranslatorFactory;
import org.hibernate.query.sqm.tree.SqmDmlStatement;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.MutationStatement;
import org.hibernate.sql.ast.tree.select.SelectStatement;

/**
 * The translator factory hibernate-ae installs in {@value QuerySettings#SEMANTIC_QUERY_TRANSLATOR}: hands every
 * statement Hibernate translates to SQL to the session factory's {@link QueryStage}. Hibernate translates a query
 * when it first runs it and caches the result, so the stage's work is per translation, not per execution.
 */
public final class QueryStageFactory implements SqmTranslatorFactory {
    private volatile QueryStage stage;

    /** Called by {@link QueryStageIntegrator} while the session factory is built, before any query. */
    void attach(QueryStage queryStage) {
        this.stage = queryStage;
    }

    QueryStage stage() {
        QueryStage s = stage;
        if (s == null) {
            throw QueryStageIntegrator.notIntegrated();
        }
        return s;
    }

    @Override
    public SqmTranslator<SelectStatement> createSelectTranslator(SqmSelectStatement<?> statement,
            QueryOptions queryOptions, DomainParameterXref domainParameterXref,
            QueryParameterBindings domainParameterBindings, LoadQueryInfluencers loadQueryInfluencers,
            SqlAstCreationContext creationContext, boolean deduplicateSelectionItems) {
        return stage().selectTranslator(statement, queryOptions, domainParameterXref, domainParameterBindings,
                loadQueryInfluencers, creationContext, deduplicateSelectionItems);
    }

    @Override
    public SqmTranslator<? extends MutationStatement> createMutationTranslator(SqmDmlStatement<?> statement,
            QueryOptions queryOptions, DomainParameterXref domainParameterXref,
            QueryParameterBindings domainParameterBindings, LoadQueryInfluencers loadQueryInfluencers,
            SqlAstCreationContext creationContext) {
        return stage().mutationTranslator(statement, queryOptions, domainParameterXref, domainParameterBindings,
                loadQueryInfluencers, creationContext);
    }
}
