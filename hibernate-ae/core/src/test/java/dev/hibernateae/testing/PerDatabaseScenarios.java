package dev.hibernateae.testing;

import java.util.HashMap;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Base of scenarios that run once per database: a subclass is annotated {@code @ParameterizedClass(name = "{0}")}
 * and {@code @EnumSource(TestDatabase.class)}, and each database gets its own isolated schema and session factory for
 * all its tests. A subclass's own {@code @BeforeParameterizedClassInvocation} methods run after this one's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PerDatabaseScenarios {
    @Parameter
    protected TestDatabase database;
    protected TestDatabase.Instance db;
    protected SessionFactory sessionFactory;
    protected StaticKeyRing keyRing;

    protected abstract Class<?>[] entities();

    protected Map<String, Object> extraSettings() {
        return new HashMap<>();
    }

    @BeforeParameterizedClassInvocation
    void startDatabase() {
        db = database.create();
        keyRing = StaticKeyRing.withRandomKeys("cek1", "cek2");
        sessionFactory = TestSessionFactories.build(db, keyRing, extraSettings(), entities());
    }

    /**
     * Replaces the session factory with a new one (a new application on the same database, with no memory of the
     * lifecycle it followed), with {@code extra} on top of {@link #extraSettings()}. Its schema generation recreates
     * the entities' tables.
     */
    protected void restartApplication(Map<String, Object> extra) {
        if (sessionFactory != null) {
            sessionFactory.close();
        }
        Map<String, Object> settings = extraSettings();
        // Created, not dropped on close, so that the next application can keep the rows ("none").
        settings.put("hibernate.hbm2ddl.auto", "create");
        settings.putAll(extra);
        sessionFactory = TestSessionFactories.build(db, keyRing, settings, entities());
    }

    @AfterParameterizedClassInvocation
    void stopDatabase() {
        if (sessionFactory != null) {
            sessionFactory.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
