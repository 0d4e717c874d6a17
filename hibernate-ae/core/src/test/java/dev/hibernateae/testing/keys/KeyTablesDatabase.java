package dev.hibernateae.testing.keys;

import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.testing.SelectedDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own for one test class: an in-memory H2 database, a PostgreSQL schema or a MariaDB database
 * named {@code ae_keyring_<random>}, dropped on {@link #close()}. PostgreSQL and MariaDB tests are skipped with a
 * message when the server is down, unless the environment variable {@code CI} is set: then they fail. A database
 * left out of {@link SelectedDatabases} skips its tests.
 */
public final class KeyTablesDatabase implements AutoCloseable {
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/";

    private final KeyTables.Database kind;
    private final String name;
    private final DataSource dataSource;
    private final Runnable dropper;

    private KeyTablesDatabase(KeyTables.Database kind, String name, DataSource dataSource, Runnable dropper) {
        this.kind = kind;
        this.name = name;
        this.dataSource = dataSource;
        this.dropper = dropper;
    }

    public static KeyTablesDatabase open(KeyTables.Database kind) {
        SelectedDatabases.require(kind.name());
        String name = "ae_keyring_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (kind) {
            case H2 -> h2(name);
            case POSTGRESQL -> postgresql(name);
            case MARIADB -> mariadb(name);
        };
    }

    private static KeyTablesDatabase h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return new KeyTablesDatabase(KeyTables.Database.H2, name, dataSource,
                () -> execute(dataSource, "shutdown"));
    }

    private static KeyTablesDatabase postgresql(String name) {
        try (Connection admin = reachable("PostgreSQL", PG_URL, "postgres")) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("create schema " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(PG_URL);
        dataSource.setUser("postgres");
        dataSource.setCurrentSchema(name);
        return new KeyTablesDatabase(KeyTables.Database.POSTGRESQL, name, dataSource,
                () -> execute(dataSource, "drop schema " + name + " cascade"));
    }

    private static KeyTablesDatabase mariadb(String name) {
        try (Connection admin = reachable("MariaDB", MARIADB_URL, "root")) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        MariaDbDataSource dataSource = new MariaDbDataSource();
        try {
            dataSource.setUrl(MARIADB_URL + name + "?user=root");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new KeyTablesDatabase(KeyTables.Database.MARIADB, name, dataSource,
                () -> execute(dataSource, "drop database " + name));
    }

    private static Connection reachable(String product, String url, String user) {
        try {
            return DriverManager.getConnection(url, user, "");
        } catch (SQLException e) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(product + " at " + url + " is required when CI is set", e);
            }
            String message = product + " at " + url + " is not reachable (" + e.getMessage()
                    + "); its tests are skipped because CI is unset";
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
            throw new AssertionError("unreachable");
        }
    }

    public KeyTables.Database kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs the shipped DDL script for this database. */
    public void createKeyTables() {
        for (String statement : KeyTables.createStatements(kind)) {
            execute(dataSource, statement);
        }
    }

    /** Empties the key tables (children first). */
    public void clearKeyTables() {
        execute(dataSource, "delete from " + KeyTables.ENCRYPTION_KEY_VALUES);
        execute(dataSource, "delete from " + KeyTables.ENCRYPTION_KEYS);
        execute(dataSource, "delete from " + KeyTables.MASTER_KEYS);
    }

    /** The tables of this database or schema, lower-cased. */
    public List<String> tables() {
        try (Connection connection = dataSource.getConnection()) {
            String catalog = kind == KeyTables.Database.MARIADB ? name : null;
            String schema = switch (kind) {
                case H2 -> "PUBLIC";
                case POSTGRESQL -> name;
                case MARIADB -> null;
            };
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getTables(catalog, schema, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ENGLISH));
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement, as a database administrator editing rows by hand would. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        dropper.run();
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
