package dev.hibernateae.internal.guard;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.QuerySettings;

/**
 * Installs the query guard while settings can still change: {@link GuardedHqlTranslator} in
 * {@value QuerySettings#SEMANTIC_QUERY_PRODUCER} (HQL/JPQL, checked when read), {@link GuardedSqmTranslatorFactory}
 * in {@value QuerySettings#SEMANTIC_QUERY_TRANSLATOR} (every query, Criteria included, checked when translated to
 * SQL) and {@link GuardedMutationStrategies} (bulk statements on multi-table entities, which skip that factory). An
 * application's own value of either setting is moved aside and wrapped, not replaced.
 */
public final class QueryGuardInstaller {
    private QueryGuardInstaller() {
    }

    public static void install(StandardServiceRegistryBuilder builder) {
        wrap(builder, QuerySettings.SEMANTIC_QUERY_TRANSLATOR, GuardedSqmTranslatorFactory.class,
                GuardedSqmTranslatorFactory.DELEGATE);
        wrap(builder, QuerySettings.SEMANTIC_QUERY_PRODUCER, GuardedHqlTranslator.class, GuardedHqlTranslator.DELEGATE);
        builder.addInitiator(GuardedMutationStrategies.INITIATOR);
    }

    private static void wrap(StandardServiceRegistryBuilder builder, String setting, Class<?> guard,
            String delegateSetting) {
        Map<String, Object> settings = builder.getSettings();
        Object own = settings.get(setting);
        if (own != null && !(own instanceof String text && text.isBlank()) && !isGuard(own, guard)) {
            builder.applySetting(delegateSetting, own);
        }
        builder.applySetting(setting, guard.getName());
    }

    private static boolean isGuard(Object value, Class<?> guard) {
        return guard.isInstance(value) || value == guard || guard.getName().equals(value.toString().trim());
    }
}
