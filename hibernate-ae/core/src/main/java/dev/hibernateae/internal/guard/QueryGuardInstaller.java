package dev.hibernateae.internal.guard;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.QuerySettings;

/**
 * Puts {@link GuardedSqmTranslatorFactory} in {@value QuerySettings#SEMANTIC_QUERY_TRANSLATOR} while settings can
 * still change, moving an application's own value to {@link GuardedSqmTranslatorFactory#DELEGATE} so the guard
 * wraps it rather than replaces it.
 */
public final class QueryGuardInstaller {
    private QueryGuardInstaller() {
    }

    public static void install(StandardServiceRegistryBuilder builder) {
        Map<String, Object> settings = builder.getSettings();
        Object own = settings.get(QuerySettings.SEMANTIC_QUERY_TRANSLATOR);
        if (own != null && !(own instanceof String text && text.isBlank()) && !isGuard(own)) {
            builder.applySetting(GuardedSqmTranslatorFactory.DELEGATE, own);
        }
        builder.applySetting(QuerySettings.SEMANTIC_QUERY_TRANSLATOR, GuardedSqmTranslatorFactory.class.getName());
    }

    private static boolean isGuard(Object value) {
        return value instanceof GuardedSqmTranslatorFactory || value == GuardedSqmTranslatorFactory.class
                || GuardedSqmTranslatorFactory.class.getName().equals(value.toString().trim());
    }
}
