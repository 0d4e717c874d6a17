package dev.hibernateae.internal.lifecycle.query;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.hibernate.ValueFormats;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslation;
import org.hibernate.query.sqm.sql.SqmTranslator;
import org.hibernate.query.sqm.sql.SqmTranslatorFactory;
import org.hibernate.query.sqm.tree.SqmDmlStatement;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.MutationStatement;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.ast.tree.select.SelectStatement;

/**
 * Installed by hibernate-ae in {@value QuerySettings#SEMANTIC_QUERY_TRANSLATOR}: translates HQL, JPQL and Criteria
 * statements with {@link LifecycleSqmTranslator}, so each statement's shape and the values bound into it come from
 * one moment of the key lifecycle, and equality on attributes stored in more than one form (a key rotation, a
 * plaintext window) matches every form. Outside any transition it adds one volatile read per translation.
 *
 * <p>An application's own factory in that setting is kept (moved to {@link #DELEGATE}) and used; since it cannot be
 * extended, its statements are checked instead, and a comparison of an attribute in transition is refused.
 */
public final class LifecycleSqmTranslatorFactory implements SqmTranslatorFactory {
    /** Where hibernate-ae keeps an application's own {@value QuerySettings#SEMANTIC_QUERY_TRANSLATOR}. */
    public static final String DELEGATE = EncryptionSettings.PREFIX + "internal.lifecycle_wrapped_sqm_translator";

    private volatile Wiring wiring;

    /** The application's own factory (null: Hibernate's standard one, extended here) and the runtime. */
    private record Wiring(SqmTranslatorFactory own, EncryptionRuntime runtime) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public SqmTranslator<SelectStatement> createSelectTranslator(SqmSelectStatement<?> statement,
            QueryOptions queryOptions, DomainParameterXref domainParameterXref,
            QueryParameterBindings domainParameterBindings, LoadQueryInfluencers loadQueryInfluencers,
            SqlAstCreationContext creationContext, boolean deduplicateSelectionItems) {
        Wiring w = wiring(creationContext);
        ValueFormats state = w.runtime().formats();
        if (w.own() != null) {
            return checked(w.own().createSelectTranslator(statement, queryOptions, domainParameterXref,
                    domainParameterBindings, loadQueryInfluencers, creationContext, deduplicateSelectionItems),
                    w, state);
        }
        return new LifecycleSqmTranslator<>(statement, queryOptions, domainParameterXref,
                domainParameterBindings, loadQueryInfluencers, creationContext, deduplicateSelectionItems,
                w.runtime(), state);
    }

    @Override
    public SqmTranslator<? extends MutationStatement> createMutationTranslator(SqmDmlStatement<?> statement,
            QueryOptions queryOptions, DomainParameterXref domainParameterXref,
            QueryParameterBindings domainParameterBindings, LoadQueryInfluencers loadQueryInfluencers,
            SqlAstCreationContext creationContext) {
        Wiring w = wiring(creationContext);
        ValueFormats state = w.runtime().formats();
        if (w.own() != null) {
            return checked(w.own().createMutationTranslator(statement, queryOptions, domainParameterXref,
                    domainParameterBindings, loadQueryInfluencers, creationContext), w, state);
        }
        return new LifecycleSqmTranslator<MutationStatement>(statement, queryOptions, domainParameterXref,
                domainParameterBindings, loadQueryInfluencers, creationContext, false, w.runtime(), state);
    }

    /** Wraps a translator of the application's own factory so that its result is checked before it is used. */
    @SuppressWarnings("unchecked")
    private static <T extends Statement, S extends SqmTranslator<T>> S checked(S translator, Wiring w,
            ValueFormats state) {
        if (w.runtime() == null || w.runtime().attributes().isEmpty()) {
            return translator;
        }
        TransitionQueryCheck check = new TransitionQueryCheck(new EqualityRewriter(state),
                w.own().getClass().getName());
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

    private Wiring wiring(SqlAstCreationContext creationContext) {
        Wiring w = wiring;
        if (w == null) {
            synchronized (this) {
                w = wiring;
                if (w == null) {
                    w = wire(creationContext.getSessionFactory());
                    wiring = w;
                }
            }
        }
        return w;
    }

    private static Wiring wire(SessionFactoryImplementor factory) {
        EncryptionRuntime runtime = factory.getServiceRegistry().getService(EncryptionRuntime.class);
        Object own = factory.getServiceRegistry().requireService(ConfigurationService.class).getSettings()
                .get(DELEGATE);
        SqmTranslatorFactory resolved = null;
        if (own != null) {
            try {
                resolved = factory.getServiceRegistry().requireService(StrategySelector.class)
                        .resolveStrategy(SqmTranslatorFactory.class, own);
            } catch (RuntimeException e) {
                throw new AlwaysEncryptedException("Cannot create the SQM translator factory '" + own + "' set in "
                        + QuerySettings.SEMANTIC_QUERY_TRANSLATOR + " (hibernate-ae wraps it to match encrypted "
                        + "values during key rotations): " + e.getMessage() + "; fix or remove that setting", e);
            }
            if (resolved instanceof LifecycleSqmTranslatorFactory) {
                resolved = null;
            }
        }
        if (resolved == null && factory.getJdbcServices().getDialect().getSqmTranslatorFactory() != null) {
            resolved = factory.getJdbcServices().getDialect().getSqmTranslatorFactory();
        }
        return new Wiring(resolved, runtime);
    }
}
