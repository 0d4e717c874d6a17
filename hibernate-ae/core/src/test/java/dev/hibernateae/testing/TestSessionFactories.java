package dev.hibernateae.testing;

import dev.hibernateae.internal.config.InternalSettings;
import dev.hibernateae.internal.keys.KeyRing;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/** Builds session factories over a test database with schema generation and a given key ring. */
public final class TestSessionFactories {
    private TestSessionFactories() {
    }

    public static SessionFactory build(TestDatabase.Instance db, KeyRing keyRing, Map<String, Object> extra,
            Class<?>... entities) {
        Map<String, Object> settings = new HashMap<>(db.hibernateSettings());
        settings.put("hibernate.hbm2ddl.auto", "create-drop");
        if (keyRing != null) {
            settings.put(InternalSettings.KEY_RING, keyRing);
        }
        settings.putAll(extra);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> entity : entities) {
                sources.addAnnotatedClass(entity);
            }
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    public static SessionFactory build(TestDatabase.Instance db, KeyRing keyRing, Class<?>... entities) {
        return build(db, keyRing, Map.of(), entities);
    }
}
