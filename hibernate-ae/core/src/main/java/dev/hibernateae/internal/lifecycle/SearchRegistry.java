package dev.hibernateae.internal.lifecycle;

import static dev.hibernateae.internal.lifecycle.LifecycleTables.SEARCH_TABLES;

import dev.hibernateae.api.LifecycleRecordException;
import dev.hibernateae.internal.crypto.KeyedHash;
import dev.hibernateae.internal.keys.KeyRing;
import dev.hibernateae.internal.search.TokenSpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@value LifecycleTables#SEARCH_TABLES}: for each table with search tokens, the {@link TokenSpec} a lifecycle job
 * needs to derive its rows' tokens, registered by the applications that map it. Each row is tagged under a purpose
 * key derived from {@code tag_key}, the current key of the key name of the spec's first column: a database
 * administrator can neither make a job write tokens a mapping did not declare (say, equality tokens without
 * contention for a randomized column) nor change which tokens it writes. They can delete a row; a job then refuses
 * the table, which has a token table, until an application registers its spec again.
 */
public final class SearchRegistry {
    static final String PURPOSE = "hibernate-ae search table registry v1";
    private static final String COLUMNS = "table_name, spec, registered_at, tag_key, tag";

    private SearchRegistry() {
    }

    /**
     * Registers {@code spec} tagged under {@code tagKey}, unless the same spec is there, authentic, under the same tag
     * key.
     *
     * @return whether a row was written
     */
    public static boolean register(Connection connection, TokenSpec spec, String tagKey, KeyRing keys)
            throws SQLException {
        String table = spec.table().toLowerCase(Locale.ROOT);
        String text = spec.encode();
        Optional<Stored> existing = read(connection, table);
        if (existing.isPresent() && existing.get().spec().equals(text) && existing.get().tagKey().equals(tagKey)
                && authenticOrFalse(existing.get(), keys)) {
            return false;
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        byte[] tag = key(keys, tagKey).tag(message(table, text, at, tagKey));
        String sql = existing.isPresent()
                ? "update " + SEARCH_TABLES + " set spec = ?, registered_at = ?, tag_key = ?, tag = ? where table_name = ?"
                : "insert into " + SEARCH_TABLES + " (spec, registered_at, tag_key, tag, table_name) values (?, ?, ?, ?, ?)";
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            write.setString(1, text);
            write.setObject(2, LifecycleRecords.utc(at));
            write.setString(3, tagKey);
            write.setBytes(4, tag);
            write.setString(5, table);
            write.executeUpdate();
        }
        return true;
    }

    /**
     * The verified spec of {@code table} (without schema, any case), or empty when none is registered.
     *
     * @throws LifecycleRecordException when one is registered but its tag does not verify, its tag key cannot be
     *         loaded, or it does not parse: no job derives tokens on its word
     */
    public static Optional<TokenSpec> verified(Connection connection, String table, KeyRing keys)
            throws SQLException {
        Optional<Stored> stored = read(connection, table.toLowerCase(Locale.ROOT));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Stored row = stored.get();
        String record = SEARCH_TABLES + ": " + row.table() + " (tagged under '" + row.tagKey() + "')";
        boolean verifies;
        try {
            verifies = authentic(row, keys);
        } catch (RuntimeException e) {
            throw new LifecycleRecordException(record, "The search registration " + record + " cannot be checked "
                    + "(its tag key cannot be loaded here: " + e.getMessage() + "), so no job derives search tokens "
                    + "on its word. Make the key loadable, or start an application that maps the table (it "
                    + "registers it again)", e);
        }
        if (!verifies) {
            throw new LifecycleRecordException(record, "The search registration " + record + " does not "
                    + "authenticate, so no job derives search tokens on its word. Start an application that maps "
                    + "the table (it registers it again at startup and at every lifecycle change), then run the job "
                    + "again", null);
        }
        try {
            TokenSpec spec = TokenSpec.decode(row.spec());
            if (!spec.table().equalsIgnoreCase(row.table())) {
                throw new IllegalArgumentException("it names another table");
            }
            return Optional.of(spec);
        } catch (RuntimeException e) {
            throw new LifecycleRecordException(record, "The search registration " + record + " authenticates but "
                    + "cannot be read by this version of hibernate-ae (" + e.getMessage() + "). Run the job with the "
                    + "version the applications run", e);
        }
    }

    private record Stored(String table, String spec, Instant registeredAt, String tagKey, byte[] tag) {
    }

    private static Optional<Stored> read(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from " + SEARCH_TABLES
                + " where table_name = ?")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(rows.getString(1), rows.getString(2), LifecycleRecords.instant(rows, 3),
                        rows.getString(4), rows.getBytes(5)));
            }
        }
    }

    /** Whether a stored row's tag verifies (a row whose tag an administrator changed is written again). */
    private static boolean authentic(Stored row, KeyRing keys) {
        return row.tag() != null && key(keys, row.tagKey()).verify(message(row.table(), row.spec(),
                row.registeredAt(), row.tagKey()), row.tag());
    }

    private static boolean authenticOrFalse(Stored row, KeyRing keys) {
        try {
            return authentic(row, keys);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static KeyedHash key(KeyRing keys, String columnEncryptionKey) {
        return keys.columnKey(columnEncryptionKey).keyedHash(PURPOSE);
    }

    /** Every field, length-prefixed after the purpose, then the registration time in microseconds. */
    static byte[] message(String table, String spec, Instant registeredAt, String tagKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        for (String field : List.of(PURPOSE, table, spec, tagKey)) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        out.writeBytes(ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(Instant.EPOCH, registeredAt))
                .array());
        return out.toByteArray();
    }
}
