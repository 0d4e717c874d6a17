package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@value LifecycleTables#COLUMN_TRANSITIONS}: a column whose values move between plaintext and cells.
 * Authenticated with a key derived from {@code encryptionKey} ({@link RecordAuthentication}). A record alone never
 * lets plaintext in or out: an application also needs its own setting naming the column ({@link PlaintextWindows}).
 *
 * @param table the table name, without schema
 * @param column the column name
 * @param direction {@link Direction#ENCRYPT} (plaintext to cells) or {@link Direction#DECRYPT} (back)
 * @param keyName the key name the column's attribute uses
 * @param encryptionKey the column encryption key the column's cells are under (the key name's key when the job
 *        started)
 * @param type the encryption type of the column's cells
 * @param phase where the transition stands; it only moves forward
 * @param changedAt when the phase last changed (UTC)
 * @param revision one more than the revision of the record this one replaced; never goes back
 */
public record ColumnTransition(String table, String column, Direction direction, String keyName,
        String encryptionKey, EncryptionType type, Phase phase, Instant changedAt, long revision) {

    /** Which way the column's values move. */
    public enum Direction {
        /** Plaintext becomes cells; applications write cells from the start. */
        ENCRYPT,
        /** Cells become plaintext; applications write plaintext from phase RUNNING. */
        DECRYPT
    }

    /** Where the transition stands. Each phase starts only once every application has seen the one before. */
    public enum Phase {
        /** Decryption only: applications still write cells, and already read and match plaintext too. */
        ANNOUNCED,
        /** Plaintext and cells both exist; applications write the target form. */
        RUNNING,
        /** Every value is in the target form. */
        COMPLETED,
        /** No longer in effect (what deleting the record would have said, without a gap a replay could use). */
        FORGOTTEN
    }

    public ColumnTransition {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** The same transition in {@code next}, one revision later. */
    public ColumnTransition advancedTo(Phase next, Instant at) {
        return new ColumnTransition(table, column, direction, keyName, encryptionKey, type, next, at, revision + 1);
    }

    /** The same transition authenticated with (its cells now under) {@code key}, one revision later. */
    public ColumnTransition underKey(String key, Instant at) {
        return new ColumnTransition(table, column, direction, keyName, key, type, phase, at, revision + 1);
    }

    /** {@code table.column}, lower-case and unquoted. */
    public String columnId() {
        return EncryptedAttribute.columnId(table, column);
    }

    /** Whether both forms may exist, so equality must look for both. */
    public boolean running() {
        return phase == Phase.ANNOUNCED || phase == Phase.RUNNING;
    }

    /** For messages and logs: names and phase, never a value. */
    public String describe() {
        return "transition of column " + table + "." + column + " (" + direction + " under key name '" + keyName
                + "', " + phase + ", revision " + revision + ")";
    }
}
