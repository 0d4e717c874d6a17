package dev.hibernateae.internal.keys;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The key tables in the application's database, read and written with plain JDBC. Every operation runs in its own
 * short transaction on a connection from the {@link ConnectionSource}, whatever the connection's auto-commit mode,
 * and gives the connection back in the state it came in.
 */
public final class KeyCatalog {

    private final ConnectionSource connections;

    public KeyCatalog(ConnectionSource connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(KeyCatalogTransaction transaction) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws.
     *
     * @param operation what is being done, for error messages ("read column encryption key 'cek1'")
     * @throws AlwaysEncryptedException naming the operation when the database fails
     */
    public <T> T inTransaction(String operation, Work<T> work) {
        Connection connection;
        try {
            connection = connections.open();
        } catch (SQLException e) {
            throw failure(operation, e);
        }
        boolean restoreAutoCommit = false;
        try {
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
                restoreAutoCommit = true;
            }
            T result = work.run(new KeyCatalogTransaction(connection));
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback(connection, e);
            throw failure(operation, e);
        } catch (RuntimeException | Error e) {
            rollback(connection, e);
            throw e;
        } finally {
            release(connection, restoreAutoCommit);
        }
    }

    /**
     * Which of the three key tables do not exist, in the order master keys, encryption keys, values; empty when all
     * do. Each table is probed with a query that reads no row; "table not found" counts as missing, any other
     * database error fails.
     *
     * @throws AlwaysEncryptedException when the database cannot be asked
     */
    public List<String> missingTables() {
        String operation = "run a query that reads no row";
        List<String> missing = new ArrayList<>();
        Connection connection;
        try {
            connection = connections.open();
        } catch (SQLException e) {
            throw failure(operation, e);
        }
        try {
            boolean autoCommit = connection.getAutoCommit();
            for (String table : List.of(KeyTables.MASTER_KEYS, KeyTables.ENCRYPTION_KEYS,
                    KeyTables.ENCRYPTION_KEY_VALUES)) {
                try (Statement probe = connection.createStatement()) {
                    probe.executeQuery("select 1 from " + table + " where 1 = 0").close();
                } catch (SQLException e) {
                    if (!MissingSchema.table(e)) {
                        throw e;
                    }
                    missing.add(table);
                }
                if (!autoCommit) {
                    connection.rollback(); // PostgreSQL refuses every statement after a failed one until then
                }
            }
            return missing;
        } catch (SQLException e) {
            throw failure(operation, e);
        } finally {
            release(connection, false);
        }
    }

    private void release(Connection connection, boolean restoreAutoCommit) {
        try {
            if (restoreAutoCommit) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // The connection is handed back either way; a pool validates it.
        } finally {
            try {
                connections.release(connection);
            } catch (SQLException ignored) {
                // Nothing the caller can do; the work itself succeeded or already failed.
            }
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The error as messages show it: "SQL state 42P01: relation ... does not exist", or the message alone. */
    static String describe(SQLException e) {
        return e.getSQLState() == null ? String.valueOf(e.getMessage())
                : "SQL state " + e.getSQLState() + ": " + e.getMessage();
    }

    static AlwaysEncryptedException failure(String operation, SQLException e) {
        String hint = MissingSchema.table(e)
                ? " The key tables do not exist here: create them with the script for your database in the "
                        + "hibernate-ae jar (" + KeyTables.DDL_DIRECTORY + "), or let Hibernate schema generation "
                        + "create them (hibernate.hbm2ddl.auto=update)."
                : MissingSchema.column(e)
                ? " The key tables were made by hibernate-ae 0.1: upgrade them (hibernate-ae-cli authenticate-records, "
                        + "or the script " + KeyTables.DDL_DIRECTORY + "upgrade-0.1-<database>.sql; see "
                        + "docs/lifecycle.md, 'Upgrading from 0.1')."
                : " Check the database connection and the account's rights on tables " + KeyTables.MASTER_KEYS
                        + ", " + KeyTables.ENCRYPTION_KEYS + " and " + KeyTables.ENCRYPTION_KEY_VALUES + ".";
        return new AlwaysEncryptedException("Could not " + operation + " in the key tables (" + describe(e) + ")."
                + hint, e);
    }
}
