package dev.hibernateae.benchmarks.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Where an end-to-end benchmark stores its rows: a fresh H2 in-memory database, or a schema of its own
 * ({@code ae_bench_<random>}) in PostgreSQL, dropped when the benchmark ends. PostgreSQL is
 * {@code jdbc:postgresql://127.0.0.1:5432/test} as user {@code postgres} unless the system properties
 * {@value #PG_URL_PROPERTY} and {@value #PG_USER_PROPERTY} say otherwise.
 */
public enum BenchmarkDatabase {
    H2,
    POSTGRESQL;

    public static final String PG_URL_PROPERTY = "bench.postgresql.url";
    public static final String PG_USER_PROPERTY = "bench.postgresql.user";

    /** Creates the isolated database or schema. */
    public Instance open() {
        String name = "ae_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (this == H2) {
            return new Instance(this, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa");
        }
        execute(postgresUrl(), postgresUser(), "create schema " + name);
        return new Instance(this, name, postgresUrl(name), postgresUser());
    }

    /** PostgreSQL with {@code searchPath} (schemas separated by commas) as the search path. */
    private static String postgresUrl(String searchPath) {
        // Batched inserts rewritten into multi-row statements: what a batch-loading PostgreSQL application enables.
        return postgresUrl() + "?currentSchema=" + searchPath + "&reWriteBatchedInserts=true";
    }

    /** Whether PostgreSQL answers; the suite leaves its benchmarks out, and says so, when it does not. */
    public static String postgresUnreachableReason() {
        try (Connection c = DriverManager.getConnection(postgresUrl(), postgresUser(), "")) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL at " + postgresUrl() + " is not reachable: " + e.getMessage();
        }
    }

    public static String postgresUrl() {
        return System.getProperty(PG_URL_PROPERTY, "jdbc:postgresql://127.0.0.1:5432/test");
    }

    private static String postgresUser() {
        return System.getProperty(PG_USER_PROPERTY, "postgres");
    }

    static void execute(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    /** One isolated database or schema. */
    public record Instance(BenchmarkDatabase database, String name, String url, String user) implements AutoCloseable {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, "");
        }

        /** Hibernate settings that connect to this instance through Hibernate's built-in pool. */
        public Map<String, Object> hibernateSettings() {
            Map<String, Object> settings = new HashMap<>();
            settings.put("hibernate.connection.url", url);
            settings.put("hibernate.connection.username", user);
            settings.put("hibernate.connection.password", "");
            settings.put("hibernate.connection.pool_size", "2");
            return settings;
        }

        /**
         * {@link #hibernateSettings()} whose connections also find what PostgreSQL schema {@code schema} holds (an
         * extension installed there), after this instance's own; tables stay in this instance's schema.
         */
        public Map<String, Object> hibernateSettingsAlsoSearching(String schema) {
            Map<String, Object> settings = hibernateSettings();
            settings.put("hibernate.connection.url", postgresUrl(name + "," + schema));
            settings.put("hibernate.default_schema", name);
            return settings;
        }

        /** Runs a statement outside any transaction (PostgreSQL's VACUUM needs that). */
        public void execute(String sql) {
            BenchmarkDatabase.execute(url, user, sql);
        }

        @Override
        public void close() {
            switch (database) {
                case H2 -> BenchmarkDatabase.execute(url, user, "shutdown");
                case POSTGRESQL -> BenchmarkDatabase.execute(postgresUrl(), postgresUser(),
                        "drop schema " + name + " cascade");
            }
        }
    }
}
