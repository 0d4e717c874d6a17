package dev.hibernateae.internal.query;

import dev.hibernateae.internal.config.InternalSettings;
import java.util.Map;
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
