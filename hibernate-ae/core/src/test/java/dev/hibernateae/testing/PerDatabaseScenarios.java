package dev.hibernateae.testing;

import java.util.HashMap;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of scenarios that run once per database: a test class declares {@code @Nested} subclasses, one per
 * {@link TestDatabase}, and each gets its own isolated schema and session factory for all its tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PerDatabaseScenarios {
    private final TestDatabase database;
    protected TestDatabase.Instance db;
    protected SessionFactory sessionFactory;
    protected StaticKeyRing keyRing;

    protected PerDatabaseScenarios(TestDatabase database) {
        this.database = database;
    }

    protected abstract Class<?>[] entities();

    protected Map<String, Object> extraSettings() {
        return new HashMap<>();
    }

    @BeforeAll
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

    @AfterAll
    void stopDatabase() {
        if (sessionFactory != null) {
            sessionFactory.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
