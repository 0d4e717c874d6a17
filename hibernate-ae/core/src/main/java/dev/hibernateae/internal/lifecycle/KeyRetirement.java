package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.keys.KeyRing;
import dev.hibernateae.internal.lifecycle.job.TableShape;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a column encryption key can be dropped without losing data: no key name writes with it (its own name
 * without a rotation, or the target of one), no rotation from or to it is still running, no lifecycle record is
 * authenticated with it, and no registered column holds a cell under it (every value is checked). After a completed
 * rotation, the key rotated from passes all of these: it is then only a fallback nobody needs.
 */
public final class KeyRetirement {
    private KeyRetirement() {
    }

    /**
     * What stands in the way of dropping {@code key}; empty when nothing does.
     *
     * @param keyNamesInUse key names that attributes use (from a mapping); those applications registered count too
     */
    public static List<String> obstacles(Connection connection, KeyRing keys, String key,
            Collection<String> keyNamesInUse) throws SQLException {
        List<String> obstacles = new ArrayList<>();
        RecordJournal journal = new RecordJournal(keys);
        Set<String> keyNames = new LinkedHashSet<>(keyNamesInUse);
        List<ColumnRegistry.Entry> registered = new ArrayList<>();
        for (ColumnRegistry.Checked checked : ColumnRegistry.checked(connection, keys)) {
            keyNames.add(checked.entry().keyName());
            if (checked.problem() == null) {
                registered.add(checked.entry());
            } else {
                obstacles.add("the registration " + checked.entry().describe() + " " + checked.problem()
                        + ": delete it and start an application that maps the column, which registers it again");
            }
        }

        Set<String> rotatedNames = new LinkedHashSet<>();
        for (StoredRecord<KeyRotation> stored : LifecycleRecords.rotations(connection)) {
            KeyRotation rotation = stored.record();
            rotatedNames.add(rotation.keyName());
            boolean concerns = rotation.sourceKey().equals(key) || rotation.targetKey().equals(key);
            if (concerns && !journal.authentic(stored)) {
                obstacles.add("the " + rotation.describe() + " does not authenticate: restore it first");
            } else if (rotation.targetKey().equals(key)) {
                obstacles.add("key name '" + rotation.keyName() + "' writes with it (" + rotation.describe() + ")");
            } else if (concerns && rotation.rotating()) {
                obstacles.add("the " + rotation.describe() + " is still running");
            }
        }
        for (String keyName : keyNames) {
            if (keyName.equals(key) && !rotatedNames.contains(keyName)) {
                obstacles.add("key name '" + keyName + "' writes with it (attributes use it and it was never "
                        + "rotated)");
            }
        }
        for (StoredRecord<ColumnTransition> stored : LifecycleRecords.transitions(connection)) {
            ColumnTransition transition = stored.record();
            if (transition.encryptionKey().equals(key) && transition.phase() != ColumnTransition.Phase.FORGOTTEN) {
                obstacles.add("the " + transition.describe() + " is authenticated with it");
            }
        }
        if (obstacles.isEmpty()) {
            CellKey cells = keys.cellKey(key);
            for (ColumnRegistry.Entry entry : registered) {
                long under = cellsUnder(connection, cells, entry.table(), entry.column());
                if (under > 0) {
                    obstacles.add(under + " values of " + entry.table() + "." + entry.column() + " are still "
                            + "encrypted under it");
                }
            }
        }
        return obstacles;
    }

    /** Counts the values of a column that authenticate under {@code key}: a tag check each, no decryption. */
    private static long cellsUnder(Connection connection, CellKey key, String table, String column)
            throws SQLException {
        CellCipher cipher = new CellCipher(key, EncryptionType.RANDOMIZED);
        TableShape.requireName(table, "table");
        TableShape.requireName(column, "column");
        long count = 0;
        try (PreparedStatement select = connection.prepareStatement("select " + column + " from " + table
                + " where " + column + " is not null"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                byte[] value = rows.getBytes(1);
                if (value != null && CellShape.looksLikeCell(value) && authenticates(cipher, value)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean authenticates(CellCipher cipher, byte[] cell) {
        try {
            java.util.Arrays.fill(cipher.decrypt(cell), (byte) 0);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
