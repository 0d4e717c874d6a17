package dev.hibernateae.internal.lifecycle.query;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.QuerySettings;

/**
 * Puts {@link LifecycleSqmTranslatorFactory} in {@value QuerySettings#SEMANTIC_QUERY_TRANSLATOR} while
 * settings can still change, moving an application's own value to
 * {@link LifecycleSqmTranslatorFactory#DELEGATE}. Installed before hibernate-ae's query guard, which then
 * wraps this factory in turn.
 */
public final class LifecycleQueriesInstaller {
    private LifecycleQueriesInstaller() {
    }

    public static void install(StandardServiceRegistryBuilder builder) {
        Map<String, Object> settings = builder.getSettings();
        Object own = settings.get(QuerySettings.SEMANTIC_QUERY_TRANSLATOR);
        if (own != null && !(own instanceof String text && text.isBlank()) && !isThis(own)) {
            builder.applySetting(LifecycleSqmTranslatorFactory.DELEGATE, own);
        }
        builder.applySetting(QuerySettings.SEMANTIC_QUERY_TRANSLATOR,
                LifecycleSqmTranslatorFactory.class.getName());
    }

    private static boolean isThis(Object value) {
        return value instanceof LifecycleSqmTranslatorFactory || value == LifecycleSqmTranslatorFactory.class
                || LifecycleSqmTranslatorFactory.class.getName().equals(value.toString().trim());
    }
}
