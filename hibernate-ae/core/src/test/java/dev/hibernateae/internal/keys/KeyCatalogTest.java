package dev.hibernateae.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.testing.keys.KeyTablesDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the key catalog treats the connections it borrows, on H2. */
class KeyCatalogTest {
    private final KeyTablesDatabase database = KeyTablesDatabase.open(KeyTables.Database.H2);

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void missingKeyTablesAreAnErrorPointingAtTheScripts() {
        KeyCatalog catalog = new KeyCatalog(ConnectionSource.of(database.dataSource()));
        AlwaysEncryptedException failure = assertThrows(AlwaysEncryptedException.class,
                () -> catalog.inTransaction("read column encryption key 'cek1'", tx -> tx.findEncryptionKey("cek1",
                        false)));
        assertTrue(failure.getMessage().contains("Could not read column encryption key 'cek1'"), failure.getMessage());
        assertTrue(failure.getMessage().contains(KeyTables.DDL_DIRECTORY), failure.getMessage());
    }

    @Test
    void aFailedOperationIsRolledBackAndTheConnectionReturnsInItsAutoCommitMode() throws SQLException {
        database.createKeyTables();
        AtomicReference<Connection> borrowed = new AtomicReference<>();
        KeyCatalog catalog = new KeyCatalog(new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                Connection connection = database.dataSource().getConnection();
                borrowed.set(connection);
                return connection;
            }

            @Override
            public void release(Connection connection) throws SQLException {
                assertTrue(connection.getAutoCommit(), "auto-commit restored before release");
                connection.close();
            }
        });
        assertThrows(IllegalStateException.class, () -> catalog.inTransaction("create a key", tx -> {
            tx.insertEncryptionKey("cek1", Instant.now(), new byte[32]);
            throw new IllegalStateException("boom");
        }));
        assertTrue(borrowed.get().isClosed());
        assertEquals(0, catalog.inTransaction("list", tx -> tx.encryptionKeys()).size(), "rolled back");
    }

    /**
     * Issue 15: Agroal refuses a commit on a connection enlisted in a JTA transaction with an SQLException that has no
     * SQL state; the catalog reported a NullPointerException of its own instead.
     */
    @Test
    void anErrorWithoutSqlStateIsReportedAsItIs() {
        SQLException refused = new SQLException("Attempting to commit while taking part in a transaction");
        KeyCatalog catalog = new KeyCatalog(() -> {
            throw refused;
        });
        AlwaysEncryptedException failure = assertThrows(AlwaysEncryptedException.class,
                () -> catalog.inTransaction("read column encryption key 'cek1'", tx -> tx.findEncryptionKey("cek1",
                        false)));
        assertSame(refused, failure.getCause());
        assertTrue(failure.getMessage().contains("Could not read column encryption key 'cek1' in the key tables "
                + "(Attempting to commit while taking part in a transaction)."), failure.getMessage());
        assertFalse(failure.getMessage().contains("SQL state"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Check the database connection"), failure.getMessage());

        AlwaysEncryptedException probe = assertThrows(AlwaysEncryptedException.class, catalog::missingTables);
        assertSame(refused, probe.getCause());
    }

    @Test
    void aQueryFailingWithoutSqlStateInTheTableProbeIsReportedAsItIs() {
        database.createKeyTables();
        SQLException refused = new SQLException("no state");
        KeyCatalog catalog = new KeyCatalog(() -> (Connection) java.lang.reflect.Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createStatement")) {
                        throw refused;
                    }
                    return method.getName().equals("getAutoCommit") ? Boolean.TRUE : null;
                }));
        AlwaysEncryptedException failure = assertThrows(AlwaysEncryptedException.class, catalog::missingTables);
        assertSame(refused, failure.getCause());
        assertTrue(failure.getMessage().contains("(no state)"), failure.getMessage());
    }
}
