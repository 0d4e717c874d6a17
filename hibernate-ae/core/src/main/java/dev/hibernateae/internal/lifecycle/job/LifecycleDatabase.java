package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.internal.lifecycle.LifecycleTables;
import dev.hibernateae.internal.orm.JdbcDialects;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Objects;
import javax.sql.DataSource;

/** The database a lifecycle job works on: short transactions, and the lifecycle tables created when missing. */
public final class LifecycleDatabase {
    private final DataSource dataSource;

    public LifecycleDatabase(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Work on one connection in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in its own transaction, committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new AlwaysEncryptedException("Could not " + operation + " (SQL state " + e.getSQLState() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    private boolean tableExists(String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("select 1 from " + table + " where 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean tablesExist() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : new String[] {KeyTables.MASTER_KEYS, KeyTables.ENCRYPTION_KEYS,
                    KeyTables.ENCRYPTION_KEY_VALUES, LifecycleTables.KEY_ROTATIONS, LifecycleTables.COLUMN_TRANSITIONS,
                    LifecycleTables.ENCRYPTED_COLUMNS, LifecycleTables.SEARCH_TABLES,
                    LifecycleTables.JOBS}) {
                statement.executeQuery("select 1 from " + table + " where 1 = 0").close();
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Which shipped DDL script fits this database, by the dialect Hibernate would choose for it. */
    public KeyTables.Database kind() {
        return inTransaction("read the database product", connection -> {
            DatabaseMetaData metaData = connection.getMetaData();
            Optional<KeyTables.Database> kind = JdbcDialects.of(metaData).flatMap(KeyTables.Database::of);
            if (kind.isEmpty()) {
                throw new AlwaysEncryptedException("hibernate-ae ships key table scripts for PostgreSQL, MariaDB and "
                        + "H2, not for " + metaData.getDatabaseProductName() + ": create the tables by adapting a "
                        + "script from " + KeyTables.DDL_DIRECTORY);
            }
            return kind.get();
        });
    }

    /**
     * Brings lifecycle tables made by hibernate-ae 0.1 up to date (added columns; idempotent), then creates the
     * tables that do not exist yet.
     */
    public void upgradeTables() {
        KeyTables.Database kind = kind();
        if (tableExists(LifecycleTables.KEY_ROTATIONS) && tableExists(LifecycleTables.COLUMN_TRANSITIONS)) {
            inTransaction("upgrade the hibernate-ae lifecycle tables", connection -> {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : KeyTables.upgradeStatements(kind)) {
                        statement.execute(sql);
                    }
                }
                return null;
            });
        }
        ensureTables();
    }

    /**
     * Creates the key and lifecycle tables that do not exist yet ({@code CREATE TABLE IF NOT EXISTS}); when they
     * all exist, runs no DDL at all, so an account without DDL rights works on a prepared schema.
     */
    public void ensureTables() {
        if (tablesExist()) {
            return;
        }
        KeyTables.Database kind = kind();
        inTransaction("create the hibernate-ae tables", connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : KeyTables.createStatements(kind)) {
                    statement.execute(sql);
                }
            }
            return null;
        });
    }
}
