package dev.hibernateae.internal.guard;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.hql.HqlTranslator;
import org.hibernate.query.hql.internal.StandardHqlTranslator;
import org.hibernate.query.hql.spi.SqmCreationOptions;
import org.hibernate.query.sqm.internal.SqmCreationOptionsStandard;
import org.hibernate.query.sqm.tree.SqmStatement;

/**
 * Hibernate's HQL/JPQL reader, installed by hibernate-ae through {@value QuerySettings#SEMANTIC_QUERY_PRODUCER}:
 * reads the query with the reader Hibernate would otherwise use (the application's own, moved to
 * {@link #DELEGATE}; else the dialect's; else Hibernate's standard one), then checks it with the {@link QueryGuard}.
 * So an HQL query is refused when it is created (and a named query when the application starts, by Hibernate's own
 * startup check of named queries), whatever plan Hibernate later executes it with. When Hibernate itself refuses a
 * query because an encrypted attribute is {@code VARBINARY} to it, the error is reworded to name the attribute.
 *
 * <p>Needs the session factory, which {@link QueryGuardIntegrator} hands over before any query is read.
 */
public final class GuardedHqlTranslator implements HqlTranslator {
    /** Where hibernate-ae keeps an application's own {@value QuerySettings#SEMANTIC_QUERY_PRODUCER}. */
    public static final String DELEGATE = EncryptionSettings.PREFIX + "internal.wrapped_hql_translator";

    private volatile SessionFactoryImplementor factory;
    private volatile boolean starting;
    private volatile Wiring wiring;

    private record Wiring(HqlTranslator delegate, SqmCreationOptions options, QueryGuard guard,
            EncryptedPathResolver resolver) {
    }

    /** Called while the session factory is being built, before its named queries are read. */
    void attach(SessionFactoryImplementor sessionFactory) {
        this.factory = sessionFactory;
        this.starting = true;
    }

    /** Called once the session factory (and Hibernate's check of its named queries) is complete. */
    void started() {
        this.starting = false;
    }

    @Override
    public <R> SqmStatement<R> translate(String hql, Class<R> expectedResultType) {
        Wiring w = wiring();
        SqmStatement<R> statement;
        try {
            statement = w.delegate().translate(hql, expectedResultType);
            if (w.guard() != null) {
                w.guard().check(statement);
            }
        } catch (UnsupportedEncryptedQueryException e) {
            throw named(hql, e);
        } catch (RuntimeException e) {
            if (w.guard() != null && HqlTypeErrorDiagnosis.isTypeError(e)) {
                UnsupportedEncryptedQueryException explained = HqlTypeErrorDiagnosis.diagnose(hql, e, w.options(),
                        factory.getQueryEngine().getCriteriaBuilder(), w.resolver());
                if (explained != null) {
                    throw named(hql, explained);
                }
            }
            throw e;
        }
        return statement;
    }

    /** While the application starts, queries come from named queries: say which one. */
    private UnsupportedEncryptedQueryException named(String hql, UnsupportedEncryptedQueryException e) {
        if (!starting) {
            return e;
        }
        List<String> names = new ArrayList<>();
        factory.getQueryEngine().getNamedObjectRepository().visitSqmQueryMementos(memento -> {
            if (hql.equals(memento.getHqlString())) {
                names.add(memento.getRegistrationName());
            }
        });
        if (names.isEmpty()) {
            return e;
        }
        return new UnsupportedEncryptedQueryException(e.attribute(), e.operation(), "Named query '"
                + String.join("', '", names) + "': " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
    }

    private Wiring wiring() {
        Wiring w = wiring;
        if (w == null) {
            synchronized (this) {
                w = wiring;
                if (w == null) {
                    w = wire();
                    wiring = w;
                }
            }
        }
        return w;
    }

    private Wiring wire() {
        SessionFactoryImplementor sf = factory;
        if (sf == null) {
            throw new AlwaysEncryptedException("hibernate-ae's query guard was not initialised: its Integrator ("
                    + QueryGuardIntegrator.class.getName() + ", listed in META-INF/services/"
                    + "org.hibernate.integrator.spi.Integrator) did not run; a shaded or merged jar must keep "
                    + "hibernate-ae's service files");
        }
        SqmCreationOptions options = new SqmCreationOptionsStandard(sf.getSessionFactoryOptions());
        QueryGuard guard = QueryGuard.forFactory(sf);
        return new Wiring(delegate(sf, options), options, guard,
                guard == null ? null : new EncryptedPathResolver(sf.getMappingMetamodel()));
    }

    private static HqlTranslator delegate(SessionFactoryImplementor sf, SqmCreationOptions options) {
        Object own = sf.getServiceRegistry().requireService(ConfigurationService.class).getSettings().get(DELEGATE);
        if (own != null) {
            try {
                HqlTranslator resolved = sf.getServiceRegistry().requireService(StrategySelector.class)
                        .resolveStrategy(HqlTranslator.class, own);
                if (resolved != null && !(resolved instanceof GuardedHqlTranslator)) {
                    return resolved;
                }
            } catch (RuntimeException e) {
                throw new AlwaysEncryptedException("Cannot create the HQL translator '" + own + "' set in "
                        + QuerySettings.SEMANTIC_QUERY_PRODUCER + " (hibernate-ae wraps it to check queries on "
                        + "encrypted attributes): " + e.getMessage() + "; fix or remove that setting", e);
            }
        }
        HqlTranslator dialects = sf.getJdbcServices().getDialect().getHqlTranslator();
        return dialects != null ? dialects
                : new StandardHqlTranslator(sf.getQueryEngine().getCriteriaBuilder(), options);
    }
}
