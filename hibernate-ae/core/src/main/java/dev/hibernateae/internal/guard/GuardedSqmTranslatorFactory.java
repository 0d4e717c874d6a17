package dev.hibernateae.internal.guard;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslator;
import org.hibernate.query.sqm.sql.SqmTranslatorFactory;
import org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory;
import org.hibernate.query.sqm.tree.SqmDmlStatement;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.MutationStatement;
import org.hibernate.sql.ast.tree.select.SelectStatement;

/**
 * Hibernate's semantic-to-SQL translator factory, installed by hibernate-ae through
 * {@value QuerySettings#SEMANTIC_QUERY_TRANSLATOR}: checks every HQL, JPQL and Criteria statement with the
 * {@link QueryGuard} before handing it to the factory that would otherwise run (the application's own, set in that
 * setting before hibernate-ae moved it to {@link #DELEGATE}; else the dialect's; else Hibernate's standard one).
 * Hibernate translates a query when it first runs it and caches the result, so the check costs one tree walk per
 * translation, not per execution.
 */
public final class GuardedSqmTranslatorFactory implements SqmTranslatorFactory {
    /**
     * Where hibernate-ae keeps an application's own {@value QuerySettings#SEMANTIC_QUERY_TRANSLATOR} (a class name,
     * class or instance), which this factory then wraps.
     */
    public static final String DELEGATE = EncryptionSettings.PREFIX + "internal.wrapped_sqm_translator";

    private volatile Wiring wiring;

    /** The factory Hibernate would have used, and the guard ({@code null} when nothing is encrypted). */
    private record Wiring(SqmTranslatorFactory delegate, QueryGuard guard) {
    }

    @Override
    public SqmTranslator<SelectStatement> createSelectTranslator(SqmSelectStatement<?> statement,
            QueryOptions queryOptions, DomainParameterXref domainParameterXref,
            QueryParameterBindings domainParameterBindings, LoadQueryInfluencers loadQueryInfluencers,
            SqlAstCreationContext creationContext, boolean deduplicateSelectionItems) {
        Wiring w = wiring(creationContext);
        if (w.guard() != null) {
            w.guard().check(statement);
        }
        return w.delegate().createSelectTranslator(statement, queryOptions, domainParameterXref,
                domainParameterBindings, loadQueryInfluencers, creationContext, deduplicateSelectionItems);
    }

    @Override
    public SqmTranslator<? extends MutationStatement> createMutationTranslator(SqmDmlStatement<?> statement,
            QueryOptions queryOptions, DomainParameterXref domainParameterXref,
            QueryParameterBindings domainParameterBindings, LoadQueryInfluencers loadQueryInfluencers,
            SqlAstCreationContext creationContext) {
        Wiring w = wiring(creationContext);
        if (w.guard() != null) {
            w.guard().check(statement);
        }
        return w.delegate().createMutationTranslator(statement, queryOptions, domainParameterXref,
                domainParameterBindings, loadQueryInfluencers, creationContext);
    }

    private Wiring wiring(SqlAstCreationContext creationContext) {
        Wiring w = wiring;
        if (w == null) {
            synchronized (this) {
                w = wiring;
                if (w == null) {
                    w = wire(creationContext);
                    wiring = w;
                }
            }
        }
        return w;
    }

    @SuppressWarnings("deprecation") // the creation context offers the settings and dialect only through the factory
    private static Wiring wire(SqlAstCreationContext creationContext) {
        SessionFactoryImplementor factory = creationContext.getSessionFactory();
        return new Wiring(delegate(factory), QueryGuard.forFactory(factory));
    }

    private static SqmTranslatorFactory delegate(SessionFactoryImplementor factory) {
        Object own = factory.getServiceRegistry().requireService(ConfigurationService.class).getSettings()
                .get(DELEGATE);
        if (own != null) {
            SqmTranslatorFactory resolved;
            try {
                resolved = factory.getServiceRegistry().requireService(StrategySelector.class)
                        .resolveStrategy(SqmTranslatorFactory.class, own);
            } catch (RuntimeException e) {
                throw new AlwaysEncryptedException("Cannot create the SQM translator factory '" + own + "' set in "
                        + QuerySettings.SEMANTIC_QUERY_TRANSLATOR + " (hibernate-ae wraps it to check queries on "
                        + "encrypted attributes): " + e.getMessage() + "; fix or remove that setting", e);
            }
            if (resolved != null && !(resolved instanceof GuardedSqmTranslatorFactory)) {
                return resolved;
            }
        }
        SqmTranslatorFactory dialects = factory.getJdbcServices().getDialect().getSqmTranslatorFactory();
        return dialects != null ? dialects : new StandardSqmTranslatorFactory();
    }
}
