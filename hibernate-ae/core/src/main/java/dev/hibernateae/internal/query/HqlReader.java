package dev.hibernateae.internal.query;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.config.InternalSettings;
import dev.hibernateae.internal.guard.HqlTypeErrorDiagnosis;
import dev.hibernateae.internal.guard.QueryGuard;
import dev.hibernateae.internal.orm.HibernateLine;
import dev.hibernateae.internal.orm.HqlReading;
import dev.hibernateae.internal.orm.OrmInternals;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.hql.HqlTranslator;
import org.hibernate.query.sqm.tree.SqmStatement;

/**
 * The HQL/JPQL reader hibernate-ae installs in {@value QuerySettings#SEMANTIC_QUERY_PRODUCER}: reads the query with
 * the application's own reader, moved aside by {@link QueryStageInstaller}, else the dialect's, else Hibernate's
 * own reading with numeric literals assigned to encrypted attributes given their type ({@link HqlReading},
 * {@link AssignedLiterals}), then has the {@link QueryStage} check it. So an HQL query is
 * refused when it is created, and a named query when the application starts (by Hibernate's own startup check of
 * named queries). When Hibernate itself refuses a query because an encrypted attribute is {@code VARBINARY} to it,
 * the error is reworded to name the attribute ({@link HqlTypeErrorDiagnosis}).
 */
public final class HqlReader implements HqlTranslator {
    private volatile SessionFactoryImplementor factory;
    private volatile QueryStage stage;
    private volatile boolean starting;
    private volatile HqlTranslator delegate;

    /** Called while the session factory is being built, before its named queries are read. */
    void attach(SessionFactoryImplementor sessionFactory, QueryStage queryStage) {
        this.factory = sessionFactory;
        this.stage = queryStage;
        this.starting = true;
    }

    /** Called once the session factory (and Hibernate's check of its named queries) is complete. */
    void started() {
        this.starting = false;
    }

    @Override
    public <R> SqmStatement<R> translate(String hql, Class<R> expectedResultType) {
        QueryStage s = stage;
        if (s == null) {
            throw QueryStageIntegrator.notIntegrated();
        }
        SqmStatement<R> statement;
        try {
            statement = delegate().translate(hql, expectedResultType);
            s.checkRead(statement);
        } catch (UnsupportedEncryptedQueryException e) {
            throw named(hql, e);
        } catch (RuntimeException e) {
            UnsupportedEncryptedQueryException explained = explain(hql, e);
            if (explained != null) {
                throw named(hql, explained);
            }
            throw e;
        }
        return statement;
    }

    private UnsupportedEncryptedQueryException explain(String hql, RuntimeException e) {
        if (!HqlTypeErrorDiagnosis.isTypeError(e)) {
            return null;
        }
        QueryGuard guard = QueryGuard.forFactory(factory);
        return guard == null ? null : HqlTypeErrorDiagnosis.diagnose(hql, e, OrmInternals.hqlCreationOptions(factory),
                HibernateLine.sqmCreationContext(factory), guard);
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

    private HqlTranslator delegate() {
        HqlTranslator d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = resolveDelegate(factory);
                    delegate = d;
                }
            }
        }
        return d;
    }

    private static HqlTranslator resolveDelegate(SessionFactoryImplementor sf) {
        Object own = sf.getServiceRegistry().requireService(ConfigurationService.class).getSettings()
                .get(InternalSettings.APPLICATION_HQL_TRANSLATOR);
        if (own != null) {
            try {
                HqlTranslator resolved = sf.getServiceRegistry().requireService(StrategySelector.class)
                        .resolveStrategy(HqlTranslator.class, own);
                if (resolved != null && !(resolved instanceof HqlReader)) {
                    return resolved;
                }
            } catch (RuntimeException e) {
                throw new AlwaysEncryptedException("Cannot create the HQL translator '" + own + "' set in "
                        + QuerySettings.SEMANTIC_QUERY_PRODUCER + " (hibernate-ae wraps it to check queries on "
                        + "encrypted attributes): " + e.getMessage() + "; fix or remove that setting", e);
            }
        }
        HqlTranslator dialects = sf.getJdbcServices().getDialect().getHqlTranslator();
        return dialects != null ? dialects : new HqlReading(HibernateLine.sqmCreationContext(sf),
                OrmInternals.hqlCreationOptions(sf), new AssignedLiterals());
    }
}
