package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.LifecycleRecordException;
import dev.hibernateae.internal.keys.KeyRing;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Lifecycle records as the jobs read and write them: every record read is verified before a job acts on it (a
 * forged "completed" must not make a job skip its work, a forged source key must not make it read under the wrong
 * key), and every record written carries its tag. Jobs hold the keys, so they can do both.
 */
public final class RecordJournal {
    private final KeyRing keys;

    public RecordJournal(KeyRing keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * The rotation of {@code keyName}, verified.
     *
     * @throws LifecycleRecordException naming the record when its tag does not verify
     */
    public Optional<KeyRotation> rotation(Connection connection, String keyName, boolean lock) throws SQLException {
        Optional<StoredRecord<KeyRotation>> stored = LifecycleRecords.rotation(connection, keyName, lock);
        stored.ifPresent(this::requireAuthentic);
        return stored.map(StoredRecord::record);
    }

    /** The transition of a column, verified; see {@link #rotation}. */
    public Optional<ColumnTransition> transition(Connection connection, String table, String column, boolean lock)
            throws SQLException {
        Optional<StoredRecord<ColumnTransition>> stored = LifecycleRecords.transition(connection, table, column, lock);
        stored.ifPresent(this::requireAuthentic);
        return stored.map(StoredRecord::record);
    }

    /** Every transition, verified; see {@link #rotation}. */
    public List<ColumnTransition> transitions(Connection connection) throws SQLException {
        List<ColumnTransition> transitions = new ArrayList<>();
        for (StoredRecord<ColumnTransition> stored : LifecycleRecords.transitions(connection)) {
            requireAuthentic(stored);
            transitions.add(stored.record());
        }
        return transitions;
    }

    /** Every rotation, verified; see {@link #rotation}. */
    public List<KeyRotation> rotations(Connection connection) throws SQLException {
        List<KeyRotation> rotations = new ArrayList<>();
        for (StoredRecord<KeyRotation> stored : LifecycleRecords.rotations(connection)) {
            requireAuthentic(stored);
            rotations.add(stored.record());
        }
        return rotations;
    }

    /** Whether a stored record's tag verifies; false also when its key cannot be loaded here. */
    public boolean authentic(StoredRecord<?> stored) {
        try {
            if (stored.tag() == null) {
                return false;
            }
            if (stored.record() instanceof KeyRotation rotation) {
                return RecordAuthentication.verify(keys, rotation, stored.tag());
            }
            return RecordAuthentication.verify(keys, (ColumnTransition) stored.record(), stored.tag());
        } catch (RuntimeException e) {
            return false;
        }
    }

    public void save(Connection connection, KeyRotation rotation) throws SQLException {
        LifecycleRecords.save(connection, rotation, RecordAuthentication.tag(keys, rotation));
    }

    public void save(Connection connection, ColumnTransition transition) throws SQLException {
        LifecycleRecords.save(connection, transition, RecordAuthentication.tag(keys, transition));
    }

    private void requireAuthentic(StoredRecord<?> stored) {
        if (authentic(stored)) {
            return;
        }
        String record = stored.record() instanceof KeyRotation rotation
                ? LifecycleTables.KEY_ROTATIONS + ": " + rotation.describe()
                : LifecycleTables.COLUMN_TRANSITIONS + ": " + ((ColumnTransition) stored.record()).describe();
        throw new LifecycleRecordException(record, "The key lifecycle record " + record + " does not authenticate "
                + "(it was altered, forged, written without its key, or its key cannot be loaded here), so no job "
                + "acts on it. Restore the row as a hibernate-ae job wrote it; if it predates authenticated records "
                + "(hibernate-ae 0.1), see docs/lifecycle.md, 'Upgrading from 0.1'");
    }
}
