package dev.hibernateae.internal.lifecycle;

import static dev.hibernateae.internal.lifecycle.LifecycleTables.COLUMN_TRANSITIONS;
import static dev.hibernateae.internal.lifecycle.LifecycleTables.KEY_ROTATIONS;

import dev.hibernateae.api.EncryptionType;
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
import java.util.Set;

/** The SQL of {@value LifecycleTables#KEY_ROTATIONS} and {@value LifecycleTables#COLUMN_TRANSITIONS}. */
public final class LifecycleRecords {
    /** "Table not found": H2 and MariaDB use 42S02, PostgreSQL 42P01. */
    private static final Set<String> MISSING_TABLE_STATES = Set.of("42S02", "42P01", "42S04");
    private static final String ROTATION_COLUMNS = "key_name, source_key, target_key, phase, changed_at";
    private static final String TRANSITION_COLUMNS =
            "table_name, column_name, direction, key_name, encryption_type, phase, changed_at";

    private LifecycleRecords() {
    }

    /** Whether {@code e} says a table does not exist (the lifecycle tables predate no application). */
    public static boolean missingTable(SQLException e) {
        return MISSING_TABLE_STATES.contains(e.getSQLState());
    }

    /**
     * Every rotation and transition. Tables that do not exist yet read as empty: an application whose schema
     * predates them has no lifecycle operation running, and sees one once the tables exist.
     */
    public static LifecycleSnapshot read(Connection connection) throws SQLException {
        List<KeyRotation> rotations = new ArrayList<>();
        List<ColumnTransition> transitions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + ROTATION_COLUMNS + " from "
                + KEY_ROTATIONS); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                rotations.add(rotation(rows));
            }
        } catch (SQLException e) {
            if (!missingTable(e)) {
                throw e;
            }
            rollbackIfInTransaction(connection);
        }
        try (PreparedStatement select = connection.prepareStatement("select " + TRANSITION_COLUMNS + " from "
                + COLUMN_TRANSITIONS); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                transitions.add(transition(rows));
            }
        } catch (SQLException e) {
            if (!missingTable(e)) {
                throw e;
            }
            rollbackIfInTransaction(connection);
        }
        return rotations.isEmpty() && transitions.isEmpty() ? LifecycleSnapshot.EMPTY
                : new LifecycleSnapshot(rotations, transitions);
    }

    /** PostgreSQL refuses every statement after a failed one until the transaction ends. */
    private static void rollbackIfInTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    public static Optional<KeyRotation> rotation(Connection connection, String keyName, boolean lock)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + ROTATION_COLUMNS + " from "
                + KEY_ROTATIONS + " where key_name = ?" + (lock ? " for update" : ""))) {
            select.setString(1, keyName);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rotation(rows)) : Optional.empty();
            }
        }
    }

    /** Inserts or replaces the rotation of {@code rotation.keyName()}. */
    public static void saveRotation(Connection connection, KeyRotation rotation) throws SQLException {
        int updated;
        try (PreparedStatement update = connection.prepareStatement("update " + KEY_ROTATIONS
                + " set source_key = ?, target_key = ?, phase = ?, changed_at = ? where key_name = ?")) {
            update.setString(1, rotation.sourceKey());
            update.setString(2, rotation.targetKey());
            update.setString(3, rotation.phase().name());
            update.setObject(4, utc(rotation.changedAt()));
            update.setString(5, rotation.keyName());
            updated = update.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + KEY_ROTATIONS + " ("
                    + ROTATION_COLUMNS + ") values (?, ?, ?, ?, ?)")) {
                insert.setString(1, rotation.keyName());
                insert.setString(2, rotation.sourceKey());
                insert.setString(3, rotation.targetKey());
                insert.setString(4, rotation.phase().name());
                insert.setObject(5, utc(rotation.changedAt()));
                insert.executeUpdate();
            }
        }
    }

    public static List<KeyRotation> rotations(Connection connection) throws SQLException {
        List<KeyRotation> rotations = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + ROTATION_COLUMNS + " from "
                + KEY_ROTATIONS + " order by key_name"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                rotations.add(rotation(rows));
            }
        }
        return rotations;
    }

    public static Optional<ColumnTransition> transition(Connection connection, String table, String column,
            boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + TRANSITION_COLUMNS + " from "
                + COLUMN_TRANSITIONS + " where table_name = ? and column_name = ?" + (lock ? " for update" : ""))) {
            select.setString(1, table);
            select.setString(2, column);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(transition(rows)) : Optional.empty();
            }
        }
    }

    public static List<ColumnTransition> transitions(Connection connection) throws SQLException {
        List<ColumnTransition> transitions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + TRANSITION_COLUMNS + " from "
                + COLUMN_TRANSITIONS + " order by table_name, column_name"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                transitions.add(transition(rows));
            }
        }
        return transitions;
    }

    /** Inserts or replaces the transition of {@code transition}'s column. */
    public static void saveTransition(Connection connection, ColumnTransition transition) throws SQLException {
        int updated;
        try (PreparedStatement update = connection.prepareStatement("update " + COLUMN_TRANSITIONS
                + " set direction = ?, key_name = ?, encryption_type = ?, phase = ?, changed_at = ?"
                + " where table_name = ? and column_name = ?")) {
            update.setString(1, transition.direction().name());
            update.setString(2, transition.keyName());
            update.setString(3, transition.type().name());
            update.setString(4, transition.phase().name());
            update.setObject(5, utc(transition.changedAt()));
            update.setString(6, transition.table());
            update.setString(7, transition.column());
            updated = update.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + COLUMN_TRANSITIONS + " ("
                    + TRANSITION_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, transition.table());
                insert.setString(2, transition.column());
                insert.setString(3, transition.direction().name());
                insert.setString(4, transition.keyName());
                insert.setString(5, transition.type().name());
                insert.setString(6, transition.phase().name());
                insert.setObject(7, utc(transition.changedAt()));
                insert.executeUpdate();
            }
        }
    }

    public static boolean deleteTransition(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + COLUMN_TRANSITIONS
                + " where table_name = ? and column_name = ?")) {
            delete.setString(1, table);
            delete.setString(2, column);
            return delete.executeUpdate() > 0;
        }
    }

    private static KeyRotation rotation(ResultSet rows) throws SQLException {
        return new KeyRotation(rows.getString(1), rows.getString(2), rows.getString(3),
                KeyRotation.Phase.valueOf(rows.getString(4).trim()), instant(rows, 5));
    }

    private static ColumnTransition transition(ResultSet rows) throws SQLException {
        return new ColumnTransition(rows.getString(1), rows.getString(2),
                ColumnTransition.Direction.valueOf(rows.getString(3).trim()), rows.getString(4),
                EncryptionType.valueOf(rows.getString(5).trim()),
                ColumnTransition.Phase.valueOf(rows.getString(6).trim()), instant(rows, 7));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
