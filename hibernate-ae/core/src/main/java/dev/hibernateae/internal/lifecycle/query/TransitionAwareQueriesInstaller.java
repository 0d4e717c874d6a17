package dev.hibernateae.internal.lifecycle.query;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.QuerySettings;

/**
 * Puts {@link TransitionAwareSqmTranslatorFactory} in {@value QuerySettings#SEMANTIC_QUERY_TRANSLATOR} while
 * settings can still change, moving an application's own value to
 * {@link TransitionAwareSqmTranslatorFactory#DELEGATE}. Installed before hibernate-ae's query guard, which then
 * wraps this factory in turn.
 */
public final class TransitionAwareQueriesInstaller {
    private TransitionAwareQueriesInstaller() {
    }

    public static void install(StandardServiceRegistryBuilder builder) {
        Map<String, Object> settings = builder.getSettings();
        Object own = settings.get(QuerySettings.SEMANTIC_QUERY_TRANSLATOR);
        if (own != null && !(own instanceof String text && text.isBlank()) && !isThis(own)) {
            builder.applySetting(TransitionAwareSqmTranslatorFactory.DELEGATE, own);
        }
        builder.applySetting(QuerySettings.SEMANTIC_QUERY_TRANSLATOR,
                TransitionAwareSqmTranslatorFactory.class.getName());
    }

    private static boolean isThis(Object value) {
        return value instanceof TransitionAwareSqmTranslatorFactory || value == TransitionAwareSqmTranslatorFactory.class
                || TransitionAwareSqmTranslatorFactory.class.getName().equals(value.toString().trim());
    }
}
