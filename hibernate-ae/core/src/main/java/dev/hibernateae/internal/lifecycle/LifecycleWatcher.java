package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.keys.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How a running application learns about key rotations and column transitions without a restart: the lifecycle
 * tables are read once before the first value is encrypted or decrypted, then every poll interval on a daemon
 * thread of its own (never on a thread that holds a session's connection, so a full pool cannot deadlock it).
 *
 * <p>When the state changes, listeners hear of it at once and again at the next poll: a query translated while
 * the change was being read may have been cached with the old state, and the second notice clears it too.
 * A failed poll keeps the last state and logs a warning (never "no rotation"); a failed first read fails the
 * operation that needed it, as a missing key does.
 */
public final class LifecycleWatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LifecycleWatcher.class.getName());

    private final Supplier<ConnectionSource> connectionSource;
    private ConnectionSource connections;
    private final Duration pollInterval;
    private final List<Consumer<LifecycleSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile LifecycleSnapshot current;
    private ScheduledExecutorService poller;
    private boolean noticeAgain;
    private boolean failing;
    private volatile boolean closed;

    /**
     * @param connections where the lifecycle tables are, resolved at the first read (Hibernate's connections
     *        exist only once its services are complete)
     */
    public LifecycleWatcher(Supplier<ConnectionSource> connections, Duration pollInterval) {
        this.connectionSource = Objects.requireNonNull(connections, "connections");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** The current state, read on first use. */
    public LifecycleSnapshot current() {
        LifecycleSnapshot snapshot = current;
        if (snapshot == null) {
            synchronized (this) {
                snapshot = current;
                if (snapshot == null) {
                    snapshot = load();
                    current = snapshot;
                    start();
                }
            }
        }
        return snapshot;
    }

    /** Runs {@code listener} on every change (on the polling thread). */
    public void onChange(Consumer<LifecycleSnapshot> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Starts polling if the interval allows it; idempotent. */
    public synchronized void start() {
        if (poller != null || closed || pollInterval.isZero()) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hibernate-ae lifecycle watcher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, pollInterval.toMillis());
        poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Reads the tables now and notifies listeners of a change; what the polling thread runs. */
    public synchronized void poll() {
        if (closed) {
            return;
        }
        LifecycleSnapshot next;
        try {
            next = load();
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.log(System.Logger.Level.WARNING, "Could not read the key lifecycle tables; keeping the last "
                        + "known state until they can be read: {0}", e.getMessage());
            }
            failing = true;
            return;
        }
        failing = false;
        LifecycleSnapshot previous = current;
        current = next;
        if (previous != null && !next.equals(previous)) {
            LOG.log(System.Logger.Level.INFO, "Key lifecycle state changed: {0}", next);
            noticeAgain = true;
            notifyListeners(next);
        } else if (noticeAgain) {
            noticeAgain = false;
            notifyListeners(next);
        }
    }

    private void notifyListeners(LifecycleSnapshot snapshot) {
        for (Consumer<LifecycleSnapshot> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A key lifecycle listener failed", e);
            }
        }
    }

    private synchronized LifecycleSnapshot load() {
        if (connections == null) {
            connections = Objects.requireNonNull(connectionSource.get(), "connection source");
        }
        Connection connection;
        try {
            connection = connections.open();
        } catch (SQLException e) {
            throw failure(e);
        }
        try {
            LifecycleSnapshot snapshot = LifecycleRecords.read(connection);
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return snapshot;
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            try {
                connections.release(connection);
            } catch (SQLException ignored) {
                // the read itself succeeded or already failed
            }
        }
    }

    private static AlwaysEncryptedException failure(SQLException e) {
        return new AlwaysEncryptedException("Could not read the key lifecycle tables " + LifecycleTables.KEY_ROTATIONS
                + " and " + LifecycleTables.COLUMN_TRANSITIONS + " (SQL state " + e.getSQLState() + ": "
                + e.getMessage() + "); hibernate-ae needs them to know which column encryption key to write with. "
                + "Check the connection and the account's SELECT rights on them (setting "
                + EncryptionSettings.LIFECYCLE_POLL_INTERVAL + " sets how often they are read)", e);
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public String toString() {
        return "LifecycleWatcher[every " + pollInterval + ", " + current + "]";
    }
}
