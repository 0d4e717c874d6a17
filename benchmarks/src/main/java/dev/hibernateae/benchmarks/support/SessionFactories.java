package dev.hibernateae.benchmarks.support;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/** Session factories as the benchmarks build them: the same settings for the plaintext and the encrypted model. */
public final class SessionFactories {
    /** Held so the levels set below are not garbage collected with their loggers. */
    private static final Logger[] QUIET = {Logger.getLogger("org.hibernate"), Logger.getLogger("dev.hibernateae")};
    /** Warnings meant for production set-ups (built-in pool, explicit dialect) that the benchmarks make on purpose. */
    private static final Logger[] SILENT = {Logger.getLogger("org.hibernate.orm.connections.pooling"),
        Logger.getLogger("org.hibernate.orm.deprecation")};

    /** The JDBC batch size of every benchmark session factory. */
    public static final int BATCH_SIZE = 50;

    private SessionFactories() {
    }

    /** Hibernate's INFO lines (connection pool, dialect) would land in the middle of JMH's output. */
    public static void quietLogging() {
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
        for (Logger logger : SILENT) {
            logger.setLevel(Level.SEVERE);
        }
    }

    /** Creates the schema (entity tables with their indexes, and the key tables) and batches inserts. */
    public static SessionFactory build(BenchmarkDatabase.Instance db, Map<String, Object> extra, Class<?>... entities) {
        quietLogging();
        Map<String, Object> settings = new HashMap<>(db.hibernateSettings());
        settings.put("hibernate.hbm2ddl.auto", "create");
        settings.put("hibernate.jdbc.batch_size", String.valueOf(BATCH_SIZE));
        settings.put("hibernate.order_inserts", "true");
        settings.put("hibernate.show_sql", "false");
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
}
