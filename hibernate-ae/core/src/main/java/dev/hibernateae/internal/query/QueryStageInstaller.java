package dev.hibernateae.internal.query;

import dev.hibernateae.internal.config.InternalSettings;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.QuerySettings;

/**
 * Installs the query stage while settings can still change: {@link QueryStageFactory} in
 * {@value QuerySettings#SEMANTIC_QUERY_TRANSLATOR}, {@link HqlReader} in {@value QuerySettings#SEMANTIC_QUERY_PRODUCER}
 * and {@link MultiTableMutationCheck} as the multi-table mutation strategy provider. An application's own value of
 * either setting is moved aside (to {@link InternalSettings#APPLICATION_SQM_TRANSLATOR} and
 * {@link InternalSettings#APPLICATION_HQL_TRANSLATOR}) and used by the
 * stage, not replaced. A runtime that builds its session factory options without these settings is caught at
 * startup by {@link QueryStageIntegrator}.
 */
public final class QueryStageInstaller {
    private QueryStageInstaller() {
    }

    /**
     * The settings that name the query stage's hooks, for a runtime that builds its service registry from its own
     * copy of the settings (Quarkus): an application's own value of either setting is not kept there.
     */
    public static Map<String, String> settings() {
        return Map.of(QuerySettings.SEMANTIC_QUERY_TRANSLATOR, QueryStageFactory.class.getName(),
                QuerySettings.SEMANTIC_QUERY_PRODUCER, HqlReader.class.getName());
    }

    /** The initiator of the multi-table mutation strategy provider that passes statements through the stage. */
    public static StandardServiceInitiator<?> multiTableMutationInitiator() {
        return MultiTableMutationCheck.INITIATOR;
    }

    public static void install(StandardServiceRegistryBuilder builder) {
        replace(builder, QuerySettings.SEMANTIC_QUERY_TRANSLATOR, QueryStageFactory.class,
                InternalSettings.APPLICATION_SQM_TRANSLATOR);
        replace(builder, QuerySettings.SEMANTIC_QUERY_PRODUCER, HqlReader.class,
                InternalSettings.APPLICATION_HQL_TRANSLATOR);
        builder.addInitiator(MultiTableMutationCheck.INITIATOR);
    }

    private static void replace(StandardServiceRegistryBuilder builder, String setting, Class<?> ours,
            String ownSetting) {
        Map<String, Object> settings = builder.getSettings();
        Object own = settings.get(setting);
        if (own != null && !(own instanceof String text && text.isBlank()) && !isOurs(own, ours)) {
            builder.applySetting(ownSetting, own);
        }
        builder.applySetting(setting, ours.getName());
    }

    private static boolean isOurs(Object value, Class<?> ours) {
        return ours.isInstance(value) || value == ours || ours.getName().equals(value.toString().trim());
    }
}
