package dev.hibernateae.internal.query;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.config.InternalSettings;
import dev.hibernateae.internal.guard.LiteralRule;
import dev.hibernateae.internal.guard.QueryGuard;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.hibernate.ValueFormats;
import dev.hibernateae.internal.search.SearchCatalog;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.SqmQuerySource;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslation;
import org.hibernate.query.sqm.sql.SqmTranslator;
import org.hibernate.query.sqm.sql.SqmTranslatorFactory;
import org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory;
import org.hibernate.query.sqm.tree.SqmDmlStatement;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.MutationStatement;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.ast.tree.select.SelectStatement;

/**
 * hibernate-ae's query stage for one session factory. Every HQL, JPQL and Criteria statement is checked by the
 * {@link QueryGuard} exactly once (an HQL statement when it is read, any other when it is first translated), then
 * translated by {@link EncryptedQueryTranslator}, which ties every use of an encrypted attribute to one lifecycle
 * snapshot and rewrites equality while an attribute has more than one stored form.
 *
 * <p>The application's own translator factory, if its settings name one, is resolved once and used instead of
 * {@link EncryptedQueryTranslator}; its results are checked ({@link ForeignTranslationCheck}), since they cannot be
 * rewritten. Hibernate's hooks ({@link QueryStageFactory}, {@link HqlReader}, {@link MultiTableMutationCheck}) only
 * hand statements to this stage.
 */
public final class QueryStage {
    private static final System.Logger LOG = System.getLogger(QueryStage.class.getName());

    private final SessionFactoryImplementor factory;
    private final CheckedStatements checked = new CheckedStatements();
    private volatile Parts parts;

    /**
     * Resolved on first use, once Hibernate's mapping model exists.
     *
     * @param guard {@code null} when the persistence unit encrypts nothing
     * @param own the application's own (or the dialect's) translator factory, or {@code null} for hibernate-ae's
     */
    private record Parts(QueryGuard guard, EncryptionRuntime runtime, SqmTranslatorFactory own) {
    }

    private final SearchCatalog catalog;

    QueryStage(SessionFactoryImplementor factory, SearchCatalog catalog) {
        this.factory = factory;
        this.catalog = catalog;
    }

    /** An HQL or JPQL statement just read: checked now, so that a refused query fails when it is created. */
    void checkRead(SqmStatement<?> statement) {
        QueryGuard guard = parts().guard();
        if (guard != null) {
            guard.check(statement, literalRule());
            checked.add(statement);
            trace("read", statement);
        }
    }

    /** Any statement about to be translated or run: checked unless it is one already checked when read. */
    void checkUnread(SqmStatement<?> statement) {
        QueryGuard guard = parts().guard();
        if (guard != null && !checked.contains(statement)) {
            guard.check(statement, statement.getQuerySource() == SqmQuerySource.HQL ? literalRule()
                    : LiteralRule.ALLOWED);
            trace("translated", statement);
        }
    }

    SqmTranslator<SelectStatement> selectTranslator(SqmSelectStatement<?> statement, QueryOptions options,
            DomainParameterXref xref, QueryParameterBindings bindings, LoadQueryInfluencers influencers,
            SqlAstCreationContext context, boolean deduplicateSelectionItems) {
        checkUnread(statement);
        Parts p = parts();
        if (p.guard() == null) {
            return p.own().createSelectTranslator(statement, options, xref, bindings, influencers, context,
                    deduplicateSelectionItems);
        }
        ValueFormats formats = p.runtime().formats();
        if (p.own() != null) {
            return checked(p.own().createSelectTranslator(statement, options, xref, bindings, influencers, context,
                    deduplicateSelectionItems), p.own(), formats);
        }
        return new EncryptedQueryTranslator<>(statement, options, xref, bindings, influencers, context,
                deduplicateSelectionItems, p.runtime(), formats, p.guard(), catalog);
    }

    SqmTranslator<? extends MutationStatement> mutationTranslator(SqmDmlStatement<?> statement, QueryOptions options,
            DomainParameterXref xref, QueryParameterBindings bindings, LoadQueryInfluencers influencers,
            SqlAstCreationContext context) {
        checkUnread(statement);
        Parts p = parts();
        if (p.guard() == null) {
            return p.own().createMutationTranslator(statement, options, xref, bindings, influencers, context);
        }
        ValueFormats formats = p.runtime().formats();
        if (p.own() != null) {
            return checked(p.own().createMutationTranslator(statement, options, xref, bindings, influencers,
                    context), p.own(), formats);
        }
        return new EncryptedQueryTranslator<MutationStatement>(statement, options, xref, bindings, influencers,
                context, false, p.runtime(), formats, p.guard(), catalog);
    }

    /**
     * Hibernate puts a query's text in a SQL comment when {@code hibernate.use_sql_comments} is on, and in its
     * statistics (and whatever exports them) when they are on: then a literal on an encrypted attribute would leave
     * the application as plaintext.
     */
    private LiteralRule literalRule() {
        if (factory.getSessionFactoryOptions().isCommentsEnabled()) {
            return new LiteralRule(AvailableSettings.USE_SQL_COMMENTS + "=true sends the query text to the database "
                    + "as a SQL comment");
        }
        if (factory.getStatistics().isStatisticsEnabled()) {
            return new LiteralRule("statistics are enabled (" + AvailableSettings.GENERATE_STATISTICS + "), and "
                    + "Hibernate keeps the query text in them, from where metrics and JMX export it");
        }
        return LiteralRule.ALLOWED;
    }

    /** Wraps a translator of the application's own factory so that its result is checked before it is used. */
    @SuppressWarnings("unchecked")
    private static <T extends Statement, S extends SqmTranslator<T>> S checked(S translator,
            SqmTranslatorFactory own, ValueFormats formats) {
        ForeignTranslationCheck check = new ForeignTranslationCheck(new EqualityRewriter(formats),
                own.getClass().getName());
        return (S) Proxy.newProxyInstance(SqmTranslator.class.getClassLoader(), new Class<?>[] {SqmTranslator.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(translator, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("translate") && result instanceof SqmTranslation<?> translation) {
                        translation.getSqlAst().accept(check);
                    }
                    return result;
                });
    }

    private void trace(String when, SqmStatement<?> statement) {
        if (LOG.isLoggable(System.Logger.Level.TRACE)) {
            LOG.log(System.Logger.Level.TRACE, "Checked {0} statement {1}@{2} when {3}",
                    statement.getQuerySource(), statement.getClass().getSimpleName(),
                    Integer.toHexString(System.identityHashCode(statement)), when);
        }
    }

    private Parts parts() {
        Parts p = parts;
        if (p == null) {
            synchronized (this) {
                p = parts;
                if (p == null) {
                    p = resolve();
                    parts = p;
                }
            }
        }
        return p;
    }

    private Parts resolve() {
        EncryptionRuntime runtime = factory.getServiceRegistry().getService(EncryptionRuntime.class);
        QueryGuard guard = QueryGuard.forFactory(factory);
        SqmTranslatorFactory own = ownTranslatorFactory();
        if (guard == null && own == null) {
            own = new StandardSqmTranslatorFactory();
        }
        return new Parts(guard, runtime, own);
    }

    /** The application's own factory (moved aside by {@link QueryStageInstaller}), else the dialect's, else none. */
    private SqmTranslatorFactory ownTranslatorFactory() {
        Object own = factory.getServiceRegistry().requireService(ConfigurationService.class).getSettings()
                .get(InternalSettings.APPLICATION_SQM_TRANSLATOR);
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
            if (resolved != null && !(resolved instanceof QueryStageFactory)) {
                return resolved;
            }
        }
        return factory.getJdbcServices().getDialect().getSqmTranslatorFactory();
    }
}
