package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.hibernate.FormatSource;
import dev.hibernateae.internal.keys.ConnectionSource;
import dev.hibernateae.internal.keys.KeyRing;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How a running application learns about key rotations and column transitions without a restart: the lifecycle
 * tables are read once before the first value is encrypted or decrypted, then every poll interval on a daemon
 * thread of its own (never on a thread that holds a session's connection, so a full pool cannot deadlock it). Each
 * read becomes a {@link LifecycleSnapshot} of the records {@link TrustedRecords} accepts; refused records are
 * logged at ERROR, once each.
 *
 * <p>When the snapshot changes, listeners hear of it at once and again at the next poll: a query translated while
 * the change was being read may have been cached with the old snapshot, and the second notice clears it too.
 * A failed poll keeps the last snapshot and logs a warning (never "no rotation"); a failed first read fails the
 * operation that needed it, as a missing key does.
 */
public final class LifecycleWatcher implements FormatSource {
    private static final System.Logger LOG = System.getLogger(LifecycleWatcher.class.getName());

    private final Supplier<ConnectionSource> connectionSource;
    private final Supplier<KeyRing> keys;
    private final PlaintextWindows windows;
    private final Duration pollInterval;
    private final TrustedRecords trusted = new TrustedRecords();
    private final Set<String> logged = new HashSet<>();
    private final List<Consumer<LifecycleSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<LifecycleSnapshot>> pollListeners = new CopyOnWriteArrayList<>();
    private ConnectionSource connections;
    private volatile LifecycleSnapshot current;
    private ScheduledExecutorService poller;
    private boolean noticeAgain;
    private boolean failing;
    private volatile boolean closed;

    /**
     * @param connections where the lifecycle tables are, resolved at the first read (Hibernate's connections
     *        exist only once its services are complete)
     * @param keys the key ring that verifies records, resolved at the first read
     * @param windows the plaintext windows this application's settings open
     */
    public LifecycleWatcher(Supplier<ConnectionSource> connections, Supplier<KeyRing> keys, PlaintextWindows windows,
            Duration pollInterval) {
        this.connectionSource = Objects.requireNonNull(connections, "connections");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.windows = Objects.requireNonNull(windows, "windows");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** The current snapshot, read on first use. */
    @Override
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

    /** Runs {@code listener} after every successful poll, changed or not (on the polling thread). */
    public void afterEveryPoll(Consumer<LifecycleSnapshot> listener) {
        pollListeners.add(Objects.requireNonNull(listener, "listener"));
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
        if (previous != null && !next.sameAs(previous)) {
            LOG.log(System.Logger.Level.INFO, "Key lifecycle state changed: {0}", next);
            noticeAgain = true;
            notifyListeners(next);
        } else if (noticeAgain) {
            noticeAgain = false;
            notifyListeners(next);
        }
        inform(pollListeners, next);
    }

    private void notifyListeners(LifecycleSnapshot snapshot) {
        inform(listeners, snapshot);
    }

    private static void inform(List<Consumer<LifecycleSnapshot>> listeners, LifecycleSnapshot snapshot) {
        for (Consumer<LifecycleSnapshot> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A key lifecycle listener failed", e);
            }
        }
    }

    private synchronized LifecycleSnapshot load() {
        List<StoredRecord<KeyRotation>> rotations;
        List<StoredRecord<ColumnTransition>> transitions;
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
            rotations = LifecycleRecords.rotations(connection);
            transitions = LifecycleRecords.transitions(connection);
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            try {
                connections.release(connection);
            } catch (SQLException ignored) {
                // the read itself succeeded or already failed
            }
        }
        // Verified after the connection is back: checking a tag may load a key through another connection.
        LifecycleSnapshot snapshot = rotations.isEmpty() && transitions.isEmpty()
                ? trusted.check(List.of(), List.of(), windows, keys.get())
                : trusted.check(rotations, transitions, windows, keys.get());
        report(snapshot);
        return snapshot;
    }

    /** ERROR once per refused record, WARNING once per window this application opens but no longer needs. */
    private void report(LifecycleSnapshot snapshot) {
        for (Rejection rejection : snapshot.rejections()) {
            if (logged.add(rejection.logLine())) {
                LOG.log(System.Logger.Level.ERROR, rejection.logLine());
            }
        }
        for (ColumnTransition transition : snapshot.transitions()) {
            String column = transition.columnId();
            String line = null;
            if (transition.direction() == ColumnTransition.Direction.ENCRYPT && transition.running()
                    && !windows.encrypting(column)) {
                line = "Column " + column + " is being encrypted in place (" + transition.describe() + "), but "
                        + "setting " + EncryptionSettings.LIFECYCLE_ENCRYPTING_COLUMNS + " does not name it: this "
                        + "application refuses the column's plaintext values. Add it to the setting and restart";
            } else if (transition.direction() == ColumnTransition.Direction.DECRYPT
                    && transition.phase() != ColumnTransition.Phase.FORGOTTEN && !windows.decrypting(column)) {
                line = "Column " + column + " is being decrypted back (" + transition.describe() + "), but setting "
                        + EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS + " does not name it: this application "
                        + "refuses the column's plaintext values and, from phase RUNNING, writes none. Add it to "
                        + "the setting and restart";
            } else if (transition.direction() == ColumnTransition.Direction.ENCRYPT && !transition.running()
                    && windows.encrypting(column)) {
                String warning = "Column " + column + " was encrypted in place (" + transition.describe()
                        + "): remove it from setting " + EncryptionSettings.LIFECYCLE_ENCRYPTING_COLUMNS
                        + ", which lets its plaintext in whenever a transition record says it runs";
                if (logged.add(warning)) {
                    LOG.log(System.Logger.Level.WARNING, warning);
                }
            }
            if (line != null && logged.add(line)) {
                LOG.log(System.Logger.Level.ERROR, line);
            }
        }
    }

    private static AlwaysEncryptedException failure(SQLException e) {
        return new AlwaysEncryptedException("Could not read the key lifecycle tables " + LifecycleTables.KEY_ROTATIONS
                + " and " + LifecycleTables.COLUMN_TRANSITIONS + " ("
                + (e.getSQLState() == null ? "" : "SQL state " + e.getSQLState() + ": ") + e.getMessage()
                + "); hibernate-ae needs them to know which column encryption key to write with. "
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
