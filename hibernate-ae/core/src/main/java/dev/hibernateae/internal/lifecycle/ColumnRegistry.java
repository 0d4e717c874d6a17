package dev.hibernateae.internal.lifecycle;

import static dev.hibernateae.internal.lifecycle.LifecycleTables.ENCRYPTED_COLUMNS;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.LifecycleRecordException;
import dev.hibernateae.internal.crypto.KeyedHash;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.keys.KeyRing;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@value LifecycleTables#ENCRYPTED_COLUMNS}: the encrypted columns applications map, each registered by the
 * applications at startup, so that a key rotation finds every column under a key name from the mapping itself.
 * Each row is tagged under a purpose key derived from the key name's current key: a database administrator can
 * neither add a column the jobs would then rewrite nor change one (its key name, type or row key). They can delete
 * rows, as they can delete data; the next application start registers them again.
 */
public final class ColumnRegistry {
    static final String PURPOSE = "hibernate-ae encrypted column registry v1";
    private static final String COLUMNS = "table_name, column_name, attribute, key_name, encryption_type, row_key, "
            + "registered_at, tag_key, tag";

    private ColumnRegistry() {
    }

    /**
     * One registered column.
     *
     * @param table the table, without schema
     * @param column the column
     * @param attribute the attribute's role ({@code com.example.Patient.ssn})
     * @param keyName the attribute's key name
     * @param type its encryption type
     * @param rowKey the columns that identify a row of the table
     * @param registeredAt when it was (last) registered
     * @param tagKey the column encryption key whose derived key made the tag
     */
    public record Entry(String table, String column, String attribute, String keyName, EncryptionType type,
            List<String> rowKey, Instant registeredAt, String tagKey) {

        public Entry {
            rowKey = List.copyOf(rowKey);
        }

        static Entry of(EncryptedAttribute<?> attribute, String tagKey, Instant at) {
            return new Entry(attribute.table(), attribute.column(), attribute.role(), attribute.keyName(),
                    attribute.type(), attribute.rowKey(), at, tagKey);
        }

        /** Same column, same mapping and same tag key, whenever registered. */
        boolean sameAs(Entry other) {
            return table.equals(other.table) && column.equals(other.column) && attribute.equals(other.attribute)
                    && keyName.equals(other.keyName) && type == other.type && rowKey.equals(other.rowKey)
                    && tagKey.equals(other.tagKey);
        }

        String describe() {
            return ENCRYPTED_COLUMNS + ": " + table + "." + column + " (" + attribute + ", key name '" + keyName
                    + "', tagged under '" + tagKey + "')";
        }
    }

    /**
     * Registers {@code attribute} with the tag of {@code tagKey}, unless the same registration is already there and
     * authentic.
     *
     * @return whether a row was written
     */
    public static boolean register(Connection connection, EncryptedAttribute<?> attribute, String tagKey,
            KeyRing keys) throws SQLException {
        Entry entry = Entry.of(attribute, tagKey, Instant.now().truncatedTo(ChronoUnit.MICROS));
        Optional<Stored> existing = read(connection, entry.table(), entry.column());
        if (existing.isPresent() && existing.get().entry().sameAs(entry) && authentic(existing.get(), keys)) {
            return false;
        }
        byte[] tag = key(keys, tagKey).tag(message(entry));
        if (existing.isPresent()) {
            try (PreparedStatement update = connection.prepareStatement("update " + ENCRYPTED_COLUMNS + " set "
                    + "attribute = ?, key_name = ?, encryption_type = ?, row_key = ?, registered_at = ?, tag_key = ?, "
                    + "tag = ? where table_name = ? and column_name = ?")) {
                update.setString(1, entry.attribute());
                update.setString(2, entry.keyName());
                update.setString(3, entry.type().name());
                update.setString(4, String.join(",", entry.rowKey()));
                update.setObject(5, LifecycleRecords.utc(entry.registeredAt()));
                update.setString(6, entry.tagKey());
                update.setBytes(7, tag);
                update.setString(8, entry.table());
                update.setString(9, entry.column());
                update.executeUpdate();
            }
        } else {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + ENCRYPTED_COLUMNS + " ("
                    + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, entry.table());
                insert.setString(2, entry.column());
                insert.setString(3, entry.attribute());
                insert.setString(4, entry.keyName());
                insert.setString(5, entry.type().name());
                insert.setString(6, String.join(",", entry.rowKey()));
                insert.setObject(7, LifecycleRecords.utc(entry.registeredAt()));
                insert.setString(8, entry.tagKey());
                insert.setBytes(9, tag);
                insert.executeUpdate();
            }
        }
        return true;
    }

    /**
     * The registered columns of {@code keyName}, each verified.
     *
     * @throws LifecycleRecordException naming a row of that key name whose tag does not verify (or whose tag key
     *         cannot be loaded): a job must not rewrite a column on its word
     */
    public static List<Entry> columns(Connection connection, String keyName, KeyRing keys) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        for (Checked checked : checked(connection, keys)) {
            if (!checked.entry().keyName().equals(keyName)) {
                continue;
            }
            if (checked.problem() != null) {
                throw new LifecycleRecordException(checked.entry().describe(), "The registration "
                        + checked.entry().describe() + " " + checked.problem() + ", so no job rewrites that column "
                        + "on its word. Start an application that maps the column (it registers it again at startup "
                        + "and at every lifecycle change), or name the columns explicitly", checked.cause());
            }
            entries.add(checked.entry());
        }
        return entries;
    }

    /**
     * A registration and what is wrong with it.
     *
     * @param problem null when its tag verified; else why it cannot be trusted
     */
    public record Checked(Entry entry, String problem, RuntimeException cause) {
    }

    /** Every registered column, each with the outcome of its verification. */
    public static List<Checked> checked(Connection connection, KeyRing keys) throws SQLException {
        List<Checked> checked = new ArrayList<>();
        for (Stored stored : all(connection)) {
            Entry entry = stored.entry();
            try {
                boolean verifies = stored.tag() != null
                        && key(keys, entry.tagKey()).verify(message(entry), stored.tag());
                checked.add(new Checked(entry, verifies ? null : "does not authenticate", null));
            } catch (RuntimeException e) {
                checked.add(new Checked(entry, "cannot be checked (its tag key cannot be loaded here: "
                        + e.getMessage() + ")", e));
            }
        }
        return checked;
    }

    /** Every registered column as stored, unverified (for listings). */
    public static List<Entry> listed(Connection connection) throws SQLException {
        return all(connection).stream().map(Stored::entry).toList();
    }

    private record Stored(Entry entry, byte[] tag) {
    }

    private static List<Stored> all(Connection connection) throws SQLException {
        List<Stored> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from " + ENCRYPTED_COLUMNS
                + " order by table_name, column_name"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                entries.add(stored(rows));
            }
        } catch (SQLException e) {
            if (!LifecycleRecords.missingTable(e)) {
                throw e;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }
        return entries;
    }

    private static Optional<Stored> read(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from " + ENCRYPTED_COLUMNS
                + " where table_name = ? and column_name = ?")) {
            select.setString(1, table);
            select.setString(2, column);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(stored(rows)) : Optional.empty();
            }
        }
    }

    private static Stored stored(ResultSet rows) throws SQLException {
        String rowKey = rows.getString(6);
        return new Stored(new Entry(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                EncryptionType.valueOf(rows.getString(5).trim()),
                rowKey == null || rowKey.isBlank() ? List.of() : Arrays.asList(rowKey.split(",")),
                LifecycleRecords.instant(rows, 7), rows.getString(8)), rows.getBytes(9));
    }

    /** Whether a stored row's tag verifies (a row whose tag an administrator changed is written again). */
    private static boolean authentic(Stored stored, KeyRing keys) {
        try {
            return stored.tag() != null && key(keys, stored.entry().tagKey()).verify(message(stored.entry()),
                    stored.tag());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static KeyedHash key(KeyRing keys, String columnEncryptionKey) {
        return keys.columnKey(columnEncryptionKey).keyedHash(PURPOSE);
    }

    /** Every field, length-prefixed after the purpose, as {@link RecordAuthentication} encodes records. */
    static byte[] message(Entry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (String field : List.of(PURPOSE, entry.table(), entry.column(), entry.attribute(), entry.keyName(),
                entry.type().name(), String.join(",", entry.rowKey()), entry.tagKey())) {
            byte[] bytes = Objects.requireNonNull(field, "field").getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        out.writeBytes(ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(Instant.EPOCH, entry.registeredAt()))
                .array());
        return out.toByteArray();
    }
}
