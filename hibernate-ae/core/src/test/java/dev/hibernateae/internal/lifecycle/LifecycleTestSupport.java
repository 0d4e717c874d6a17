package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.keys.KeyRing;
import dev.hibernateae.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Writes lifecycle rows as a job would (authenticated, one revision after the stored one), makes a session factory
 * read them, and inspects stored cells.
 */
public final class LifecycleTestSupport {
    private LifecycleTestSupport() {
    }

    public static EncryptionRuntime runtime(SessionFactory factory) {
        return factory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(EncryptionRuntime.class);
    }

    public static LifecycleWatcher watcher(SessionFactory factory) {
        return (LifecycleWatcher) runtime(factory).formatSource();
    }

    /** What the application's watcher does every poll interval, done now. */
    public static void poll(SessionFactory factory) {
        watcher(factory).poll();
    }

    /** Stores the rotation of {@code keyName} in {@code phase}, authenticated with {@code keys}. */
    public static KeyRotation rotation(KeyRing keys, TestDatabase.Instance db, String keyName, String source,
            String target, KeyRotation.Phase phase) {
        try (Connection c = db.connect()) {
            long revision = LifecycleRecords.rotation(c, keyName, false).map(r -> r.record().revision()).orElse(0L);
            KeyRotation rotation = new KeyRotation(keyName, source, target, phase, now(), revision + 1);
            new RecordJournal(keys).save(c, rotation);
            return rotation;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the transition of a column in {@code phase}, authenticated with {@code keys} (cells under keyName). */
    public static ColumnTransition transition(KeyRing keys, TestDatabase.Instance db, String table, String column,
            ColumnTransition.Direction direction, String keyName, EncryptionType type, ColumnTransition.Phase phase) {
        try (Connection c = db.connect()) {
            long revision = LifecycleRecords.transition(c, table, column, false).map(r -> r.record().revision())
                    .orElse(0L);
            ColumnTransition transition = new ColumnTransition(table, column, direction, keyName, keyName, type,
                    phase, now(), revision + 1);
            new RecordJournal(keys).save(c, transition);
            return transition;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void clear(TestDatabase.Instance db) {
        execute(db, "delete from " + LifecycleTables.KEY_ROTATIONS);
        execute(db, "delete from " + LifecycleTables.COLUMN_TRANSITIONS);
    }

    public static void execute(TestDatabase.Instance db, String sql, Object... parameters) {
        try (Connection c = db.connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The stored bytes of one column of the row selected by {@code where}. */
    public static byte[] stored(TestDatabase.Instance db, String table, String column, String where,
            Object parameter) {
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement(
                "select " + column + " from " + table + " where " + where)) {
            select.setObject(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no row in " + table + " where " + where);
                }
                return rows.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code cell} authenticates under {@code key}. */
    public static boolean under(CellKey key, byte[] cell) {
        try {
            new CellCipher(key, EncryptionType.DETERMINISTIC).decrypt(cell);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Re-encrypts one stored cell from one key to another, as the job does (type kept: deterministic). */
    public static byte[] reencrypt(CellKey from, CellKey to, byte[] cell, EncryptionType type) {
        byte[] plaintext = new CellCipher(from, type).decrypt(cell);
        return new CellCipher(to, type).encrypt(plaintext);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
