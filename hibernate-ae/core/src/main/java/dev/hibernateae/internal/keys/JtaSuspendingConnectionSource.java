package dev.hibernateae.internal.keys;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Connections outside the calling thread's JTA transaction, as Hibernate's own {@code JtaIsolationDelegate} gets
 * them for identifier generators: {@link #open()} suspends the transaction the thread takes part in (if any) before
 * asking for a connection, so a pool that enlists its connections (Agroal, an application server's) hands out one
 * of its own; {@link #release(Connection)} resumes it once the connection is back, also when the work failed. Key
 * and lifecycle work so never commits, rolls back or poisons the application's connection, and a rollback of the
 * application never undoes it.
 *
 * <p>Every {@code open} is followed by a {@code release} of the same connection on the same thread, as every user
 * of a {@link ConnectionSource} does in {@code finally}. Nested use works: an inner {@code open} finds no
 * transaction to suspend.
 *
 * <p>The transaction manager's {@code suspend()} and {@code resume(Transaction)} are called reflectively, through
 * the {@code jakarta.transaction.TransactionManager} interface: jakarta.transaction-api 2.0.1's module descriptor
 * requires CDI, which Hibernate does not bring, so the core cannot require that module, and applications on the
 * module path keep the API on the class path, which a named module does not read.
 */
final class JtaSuspendingConnectionSource implements ConnectionSource {
    private static final String TRANSACTION_MANAGER = "jakarta.transaction.TransactionManager";
    private static final String TRANSACTION = "jakarta.transaction.Transaction";

    private final ConnectionSource connections;
    private final Object transactionManager;
    private final Method suspend;
    private final Method resume;
    private final Map<Connection, Object> suspended = Collections.synchronizedMap(new IdentityHashMap<>());

    /** @param transactionManager a {@code jakarta.transaction.TransactionManager} */
    JtaSuspendingConnectionSource(ConnectionSource connections, Object transactionManager) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
        try {
            ClassLoader loader = transactionManager.getClass().getClassLoader();
            Class<?> api = Class.forName(TRANSACTION_MANAGER, false, loader);
            if (!api.isInstance(transactionManager)) {
                throw new IllegalArgumentException(transactionManager.getClass() + " is no " + TRANSACTION_MANAGER);
            }
            this.suspend = api.getMethod("suspend");
            this.resume = api.getMethod("resume", Class.forName(TRANSACTION, false, loader));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("The JTA platform's transaction manager is no " + TRANSACTION_MANAGER, e);
        }
    }

    @Override
    public Connection open() throws SQLException {
        Object transaction = suspend();
        Connection connection;
        try {
            connection = connections.open();
        } catch (SQLException | RuntimeException | Error e) {
            AlwaysEncryptedException notResumed = resume(transaction);
            if (notResumed != null) {
                e.addSuppressed(notResumed);
            }
            throw e;
        }
        if (transaction != null) {
            suspended.put(connection, transaction);
        }
        return connection;
    }

    /**
     * Gives the connection back, then resumes the transaction {@link #open()} suspended. A failure to resume is
     * thrown even when giving back failed (callers ignore that failure, never this one).
     */
    @Override
    public void release(Connection connection) throws SQLException {
        Object transaction = suspended.remove(connection);
        try {
            connections.release(connection);
        } catch (SQLException | RuntimeException | Error e) {
            AlwaysEncryptedException notResumed = resume(transaction);
            if (notResumed != null) {
                notResumed.addSuppressed(e);
                throw notResumed;
            }
            throw e;
        }
        AlwaysEncryptedException notResumed = resume(transaction);
        if (notResumed != null) {
            throw notResumed;
        }
    }

    /** The thread's transaction, now suspended; null when the thread has none. */
    private Object suspend() throws SQLException {
        try {
            return suspend.invoke(transactionManager);
        } catch (InvocationTargetException e) {
            throw new SQLException("Could not suspend the JTA transaction of this thread to use the key tables on a "
                    + "connection of their own: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new SQLException("Could not suspend the JTA transaction of this thread: " + e.getMessage(), e);
        }
    }

    /** Resumes {@code transaction} (nothing if null); what went wrong, or null. */
    private AlwaysEncryptedException resume(Object transaction) {
        if (transaction == null) {
            return null;
        }
        try {
            resume.invoke(transactionManager, transaction);
            return null;
        } catch (InvocationTargetException | IllegalAccessException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            return new AlwaysEncryptedException("Could not resume the JTA transaction that hibernate-ae suspended to "
                    + "use the key tables on a connection of their own: " + cause, cause);
        }
    }
}
