package dev.hibernateae.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.testing.Narayana;
import dev.hibernateae.testing.keys.KeyTablesDatabase;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The application's JTA transaction is off the thread while key work runs, and back on it afterwards, always. */
class JtaSuspendingConnectionSourceTest {
    private final TransactionManager tm = Narayana.transactionManager();
    private final KeyTablesDatabase database = KeyTablesDatabase.open(KeyTables.Database.H2);
    private final List<Transaction> seenWhileOpen = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
            tm.rollback();
        }
        database.close();
    }

    private ConnectionSource observing(ConnectionSource delegate) {
        return new JtaSuspendingConnectionSource(new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                seenWhileOpen.add(transaction());
                return delegate.open();
            }
        }, tm);
    }

    private Transaction transaction() {
        try {
            return tm.getTransaction();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void workRunsOutsideTheTransactionWhichIsResumedAfterwards() throws Exception {
        database.createKeyTables();
        KeyCatalog catalog = new KeyCatalog(observing(ConnectionSource.of(database.dataSource())));
        tm.begin();
        Transaction application = tm.getTransaction();
        assertEquals(0, catalog.inTransaction("list", tx -> tx.encryptionKeys()).size());
        assertEquals(Integer.valueOf(1), catalog.<Integer>inTransaction("nested",
                tx -> catalog.inTransaction("inner", inner -> 1)));
        assertEquals(List.of(), catalog.missingTables());
        assertSame(application, tm.getTransaction());
        assertEquals(Status.STATUS_ACTIVE, tm.getStatus());
        seenWhileOpen.forEach(seen -> assertNull(seen, "no transaction on the thread while a connection is opened"));
        assertEquals(4, seenWhileOpen.size());
    }

    @Test
    void theTransactionIsResumedWhenTheWorkOrTheConnectionFails() throws Exception {
        database.createKeyTables();
        KeyCatalog catalog = new KeyCatalog(observing(ConnectionSource.of(database.dataSource())));
        tm.begin();
        Transaction application = tm.getTransaction();
        assertThrows(IllegalStateException.class, () -> catalog.inTransaction("fail", tx -> {
            throw new IllegalStateException("boom");
        }));
        assertSame(application, tm.getTransaction());
        assertThrows(AlwaysEncryptedException.class, () -> catalog.inTransaction("bad SQL",
                tx -> tx.connection().createStatement().executeQuery("select nothing from nowhere")));
        assertSame(application, tm.getTransaction());

        KeyCatalog unreachable = new KeyCatalog(observing(() -> {
            throw new SQLException("connection refused");
        }));
        assertThrows(AlwaysEncryptedException.class, () -> unreachable.inTransaction("read", tx -> 1));
        assertSame(application, tm.getTransaction());
        assertEquals(Status.STATUS_ACTIVE, tm.getStatus());
    }

    @Test
    void withoutATransactionNothingIsSuspended() throws Exception {
        database.createKeyTables();
        KeyCatalog catalog = new KeyCatalog(observing(ConnectionSource.of(database.dataSource())));
        assertEquals(0, catalog.inTransaction("list", tx -> tx.masterKeys()).size());
        assertEquals(Status.STATUS_NO_TRANSACTION, tm.getStatus());
    }

    @Test
    void somethingOtherThanATransactionManagerIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new JtaSuspendingConnectionSource(ConnectionSource.of(database.dataSource()), "not one"));
    }
}
