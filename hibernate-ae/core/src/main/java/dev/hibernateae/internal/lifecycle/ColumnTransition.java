package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.EncryptionType;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A row of {@value LifecycleTables#COLUMN_TRANSITIONS}: a column whose values move between plaintext and cells.
 *
 * @param table the table name, without schema
 * @param column the column name
 * @param direction {@link Direction#ENCRYPT} (plaintext to cells) or {@link Direction#DECRYPT} (back)
 * @param keyName the key name the column's attribute uses
 * @param type the encryption type of the column's cells
 * @param phase {@link Phase#RUNNING} while both forms exist
 * @param changedAt when the phase last changed (UTC)
 */
public record ColumnTransition(String table, String column, Direction direction, String keyName,
        EncryptionType type, Phase phase, Instant changedAt) {

    /** Which way the column's values move. */
    public enum Direction {
        /** Plaintext becomes cells; applications write cells from the start. */
        ENCRYPT,
        /** Cells become plaintext; applications write plaintext once they see the row. */
        DECRYPT
    }

    /** Where the transition stands. */
    public enum Phase {
        /** Plaintext and cells both exist in the column. */
        RUNNING,
        /** Every value is in the target form. */
        COMPLETED
    }

    public ColumnTransition {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** Whether values that are not cells are read as plaintext. */
    public boolean readsPlaintext() {
        return phase == Phase.RUNNING || direction == Direction.DECRYPT;
    }

    /** Whether applications write plaintext instead of cells. */
    public boolean writesPlaintext() {
        return direction == Direction.DECRYPT;
    }

    /** Whether both forms may exist, so equality must look for both. */
    public boolean running() {
        return phase == Phase.RUNNING;
    }

    /** The key under which this transition is found: lower-case table and column, unquoted. */
    public static String columnId(String table, String column) {
        return bare(table) + "." + bare(column);
    }

    private static String bare(String identifier) {
        String name = identifier.strip();
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            name = name.substring(dot + 1);
        }
        if (name.length() >= 2 && "\"`[".indexOf(name.charAt(0)) >= 0) {
            name = name.substring(1, name.length() - 1);
        }
        return name.toLowerCase(Locale.ENGLISH);
    }
}
