package dev.hibernateae.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases tests run on: H2 in memory always; PostgreSQL and MariaDB on 127.0.0.1. Each server database gets
 * a schema (PostgreSQL) or database (MariaDB) of its own per test class, dropped afterwards, so concurrent runs do
 * not collide. Outside CI a server that is down skips its tests with a message; in CI (env CI set) it fails them.
 * A database left out of {@link SelectedDatabases} skips its tests.
 */
public enum TestDatabase {
    H2, POSTGRESQL, MARIADB;

    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/";

    /** A fresh, isolated place to create tables in. */
    public Instance create() {
        SelectedDatabases.require(name());
        String name = "ae_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        switch (this) {
            case H2:
                return new Instance(this, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
            case POSTGRESQL:
                execute(PG_URL, "postgres", "", "create schema " + name);
                return new Instance(this, name, PG_URL + "?currentSchema=" + name, "postgres", "");
            case MARIADB:
                execute(MARIADB_URL, "root", "", "create database " + name);
                return new Instance(this, name, MARIADB_URL + name, "root", "");
            default:
                throw new IllegalStateException();
        }
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            String message = "Database at " + url + " is not reachable (" + e.getMessage() + ")";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + "; CI must start it (.ci/run does)", e);
            }
            Assumptions.abort(message + "; skipped outside CI");
        }
    }

    /** One isolated schema or database. */
    public record Instance(TestDatabase database, String name, String url, String user, String password)
            implements AutoCloseable {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** Hibernate settings that connect to this instance. */
        public Map<String, Object> hibernateSettings() {
            Map<String, Object> settings = new HashMap<>();
            settings.put("hibernate.connection.url", url);
            settings.put("hibernate.connection.username", user);
            settings.put("hibernate.connection.password", password);
            settings.put("hibernate.connection.pool_size", "4");
            return settings;
        }

        @Override
        public void close() {
            switch (database) {
                case H2 -> execute(url, user, password, "shutdown");
                case POSTGRESQL -> execute(PG_URL, "postgres", "", "drop schema " + name + " cascade");
                case MARIADB -> execute(MARIADB_URL, "root", "", "drop database " + name);
            }
        }

        @Override
        public String toString() {
            return database.name().toLowerCase(Locale.ROOT);
        }
    }
}
