package dev.hibernateae.internal.query;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.search.SearchCatalog;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategyProvider;

/**
 * Builds the session factory's {@link QueryStage} and hands it to Hibernate's hooks, and refuses to start a session
 * factory with encrypted attributes whose hooks are not hibernate-ae's (a runtime that builds its session factory
 * options from its own copy of the settings): its queries would run on ciphertext unchecked. Also marks the window
 * in which Hibernate reads the named queries, so that an error there names the named query.
 */
public final class QueryStageIntegrator {
    private QueryStageIntegrator() {
    }

    /** @param encrypts whether the persistence unit has encrypted attributes */
    public static void integrate(SessionFactoryImplementor factory, boolean encrypts,
            SearchCatalog catalog) {
        SessionFactoryOptions options = factory.getSessionFactoryOptions();
        List<String> missing = new ArrayList<>();
        QueryStage stage = new QueryStage(factory, catalog);
        if (options.getCustomSqmTranslatorFactory() instanceof QueryStageFactory translators) {
            translators.attach(stage);
        } else {
            missing.add(QuerySettings.SEMANTIC_QUERY_TRANSLATOR + "=" + QueryStageFactory.class.getName() + " (found "
                    + describe(options.getCustomSqmTranslatorFactory()) + ")");
        }
        if (options.getCustomHqlTranslator() instanceof HqlReader reader) {
            reader.attach(factory, stage);
            // Runs after Hibernate's own observer, which checks the named queries.
            factory.addObserver(new SessionFactoryObserver() {
                @Override
                public void sessionFactoryCreated(SessionFactory created) {
                    reader.started();
                }
            });
        } else {
            missing.add(QuerySettings.SEMANTIC_QUERY_PRODUCER + "=" + HqlReader.class.getName() + " (found "
                    + describe(options.getCustomHqlTranslator()) + ")");
        }
        Object strategies = factory.getServiceRegistry().getService(SqmMultiTableMutationStrategyProvider.class);
        if (!MultiTableMutationCheck.isInstalled(strategies)) {
            missing.add("the multi-table mutation strategy provider (found " + describe(strategies) + ")");
        }
        if (encrypts && !missing.isEmpty()) {
            throw new AlwaysEncryptedException("hibernate-ae's query stage is not installed in this session factory: "
                    + "expected " + String.join("; ", missing) + ". hibernate-ae sets these while Hibernate's service "
                    + "registry is built (its ServiceContributor), but this runtime built the session factory without "
                    + "them, so queries on encrypted attributes would run on ciphertext unchecked and the application "
                    + "does not start. Pass those settings to the runtime's own Hibernate configuration, or build the "
                    + "session factory through Hibernate's bootstrap");
        }
    }

    /** The stage of a session factory integrated by {@link #integrate}. */
    static QueryStage stageOf(SessionFactoryImplementor factory) {
        if (factory.getSessionFactoryOptions().getCustomSqmTranslatorFactory() instanceof QueryStageFactory f) {
            return f.stage();
        }
        throw notIntegrated();
    }

    static AlwaysEncryptedException notIntegrated() {
        return new AlwaysEncryptedException("hibernate-ae's query stage was not initialised: its Integrator (listed in "
                + "META-INF/services/Integrator) did not run; a shaded or merged jar must "
                + "keep hibernate-ae's service files");
    }

    private static String describe(Object hook) {
        return hook == null ? "none" : hook.getClass().getName();
    }
}
