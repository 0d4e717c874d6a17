package dev.hibernateae.internal.lifecycle;

import static dev.hibernateae.internal.lifecycle.LifecycleTables.COLUMN_TRANSITIONS;
import static dev.hibernateae.internal.lifecycle.LifecycleTables.KEY_ROTATIONS;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.keys.MissingSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of {@value LifecycleTables#KEY_ROTATIONS} and {@value LifecycleTables#COLUMN_TRANSITIONS}. Reads return
 * rows as stored, tags included, to be verified by the caller; writes replace a record only if the stored one is
 * still the revision it follows (so two jobs never both move a record forward).
 */
public final class LifecycleRecords {
    private static final String ROTATION_COLUMNS = "key_name, source_key, target_key, phase, changed_at, revision, tag";
    private static final String TRANSITION_COLUMNS = "table_name, column_name, direction, key_name, "
            + "column_encryption_key, encryption_type, phase, changed_at, revision, tag";

    private LifecycleRecords() {
    }

    /** Whether {@code e} says a table does not exist (the lifecycle tables predate no application). */
    public static boolean missingTable(SQLException e) {
        return MissingSchema.table(e);
    }

    /** Every rotation as stored; none when the table does not exist yet. */
    public static List<StoredRecord<KeyRotation>> rotations(Connection connection) throws SQLException {
        List<StoredRecord<KeyRotation>> rotations = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + ROTATION_COLUMNS + " from "
                + KEY_ROTATIONS + " order by key_name"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                rotations.add(rotation(rows));
            }
        } catch (SQLException e) {
            if (!missingTable(e)) {
                throw upgradeHint(e, KEY_ROTATIONS);
            }
            rollbackIfInTransaction(connection);
        }
        return rotations;
    }

    /** Every transition as stored; none when the table does not exist yet. */
    public static List<StoredRecord<ColumnTransition>> transitions(Connection connection) throws SQLException {
        List<StoredRecord<ColumnTransition>> transitions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + TRANSITION_COLUMNS + " from "
                + COLUMN_TRANSITIONS + " order by table_name, column_name"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                transitions.add(transition(rows));
            }
        } catch (SQLException e) {
            if (!missingTable(e)) {
                throw upgradeHint(e, COLUMN_TRANSITIONS);
            }
            rollbackIfInTransaction(connection);
        }
        return transitions;
    }

    public static Optional<StoredRecord<KeyRotation>> rotation(Connection connection, String keyName, boolean lock)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + ROTATION_COLUMNS + " from "
                + KEY_ROTATIONS + " where key_name = ?" + (lock ? " for update" : ""))) {
            select.setString(1, keyName);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rotation(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw upgradeHint(e, KEY_ROTATIONS);
        }
    }

    public static Optional<StoredRecord<ColumnTransition>> transition(Connection connection, String table,
            String column, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + TRANSITION_COLUMNS + " from "
                + COLUMN_TRANSITIONS + " where table_name = ? and column_name = ?" + (lock ? " for update" : ""))) {
            select.setString(1, table);
            select.setString(2, column);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(transition(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw upgradeHint(e, COLUMN_TRANSITIONS);
        }
    }

    /**
     * Stores {@code rotation} with its tag, in place of revision {@code revision - 1} (revision 0 being a record of
     * hibernate-ae 0.1), or inserted at revision 1.
     *
     * @throws AlwaysEncryptedException when the stored record is no longer the revision this one follows
     */
    public static void save(Connection connection, KeyRotation rotation, byte[] tag) throws SQLException {
        int updated;
        try (PreparedStatement update = connection.prepareStatement("update " + KEY_ROTATIONS
                + " set source_key = ?, target_key = ?, phase = ?, changed_at = ?, revision = ?, tag = ?"
                + " where key_name = ? and revision = ?")) {
            update.setString(1, rotation.sourceKey());
            update.setString(2, rotation.targetKey());
            update.setString(3, rotation.phase().name());
            update.setObject(4, utc(rotation.changedAt()));
            update.setLong(5, rotation.revision());
            update.setBytes(6, tag);
            update.setString(7, rotation.keyName());
            update.setLong(8, rotation.revision() - 1);
            updated = update.executeUpdate();
        }
        if (updated == 0 && rotation.revision() == 1) {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + KEY_ROTATIONS + " ("
                    + ROTATION_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, rotation.keyName());
                insert.setString(2, rotation.sourceKey());
                insert.setString(3, rotation.targetKey());
                insert.setString(4, rotation.phase().name());
                insert.setObject(5, utc(rotation.changedAt()));
                insert.setLong(6, rotation.revision());
                insert.setBytes(7, tag);
                updated = insert.executeUpdate();
            }
        }
        requireOne(updated, rotation.describe());
    }

    /** Stores {@code transition} with its tag, as {@link #save(Connection, KeyRotation, byte[])} does. */
    public static void save(Connection connection, ColumnTransition transition, byte[] tag) throws SQLException {
        int updated;
        try (PreparedStatement update = connection.prepareStatement("update " + COLUMN_TRANSITIONS
                + " set direction = ?, key_name = ?, column_encryption_key = ?, encryption_type = ?, phase = ?,"
                + " changed_at = ?, revision = ?, tag = ? where table_name = ? and column_name = ? and revision = ?")) {
            update.setString(1, transition.direction().name());
            update.setString(2, transition.keyName());
            update.setString(3, transition.encryptionKey());
            update.setString(4, transition.type().name());
            update.setString(5, transition.phase().name());
            update.setObject(6, utc(transition.changedAt()));
            update.setLong(7, transition.revision());
            update.setBytes(8, tag);
            update.setString(9, transition.table());
            update.setString(10, transition.column());
            update.setLong(11, transition.revision() - 1);
            updated = update.executeUpdate();
        }
        if (updated == 0 && transition.revision() == 1) {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + COLUMN_TRANSITIONS + " ("
                    + TRANSITION_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, transition.table());
                insert.setString(2, transition.column());
                insert.setString(3, transition.direction().name());
                insert.setString(4, transition.keyName());
                insert.setString(5, transition.encryptionKey());
                insert.setString(6, transition.type().name());
                insert.setString(7, transition.phase().name());
                insert.setObject(8, utc(transition.changedAt()));
                insert.setLong(9, transition.revision());
                insert.setBytes(10, tag);
                updated = insert.executeUpdate();
            }
        }
        requireOne(updated, transition.describe());
    }

    private static void requireOne(int updated, String record) {
        if (updated != 1) {
            throw new AlwaysEncryptedException("Could not store the " + record + ": the record in the database is "
                    + "not the revision it follows (another job moved it, or someone changed it). Run the command "
                    + "again: it reads the record anew");
        }
    }

    private static StoredRecord<KeyRotation> rotation(ResultSet rows) throws SQLException {
        return new StoredRecord<>(new KeyRotation(rows.getString(1), rows.getString(2), rows.getString(3),
                KeyRotation.Phase.valueOf(rows.getString(4).trim()), instant(rows, 5), rows.getLong(6)),
                rows.getBytes(7));
    }

    private static StoredRecord<ColumnTransition> transition(ResultSet rows) throws SQLException {
        return new StoredRecord<>(new ColumnTransition(rows.getString(1), rows.getString(2),
                ColumnTransition.Direction.valueOf(rows.getString(3).trim()), rows.getString(4), rows.getString(5),
                EncryptionType.valueOf(rows.getString(6).trim()),
                ColumnTransition.Phase.valueOf(rows.getString(7).trim()), instant(rows, 8), rows.getLong(9)),
                rows.getBytes(10));
    }

    /** PostgreSQL refuses every statement after a failed one until the transaction ends. */
    private static void rollbackIfInTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    /** Tables made by hibernate-ae 0.1 lack the columns that authenticate records. */
    private static SQLException upgradeHint(SQLException e, String table) {
        if (!MissingSchema.column(e)) {
            return e;
        }
        return new SQLException("Table " + table + " predates authenticated lifecycle records (it lacks their "
                + "revision and tag columns): upgrade it as docs/lifecycle.md ('Upgrading from 0.1') says, then run "
                + "unfinished lifecycle commands again. " + e.getMessage(), e.getSQLState(), e);
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
