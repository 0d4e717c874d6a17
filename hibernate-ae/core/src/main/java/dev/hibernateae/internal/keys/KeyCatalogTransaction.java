package dev.hibernateae.internal.keys;

import static dev.hibernateae.internal.keys.KeyTables.ENCRYPTION_KEYS;
import static dev.hibernateae.internal.keys.KeyTables.ENCRYPTION_KEY_VALUES;
import static dev.hibernateae.internal.keys.KeyTables.MASTER_KEYS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of the key tables, run on the connection of one {@link KeyCatalog#inTransaction} call. */
public final class KeyCatalogTransaction {
    private static final String MASTER_KEY_COLUMNS =
            "m.name, m.key_store_provider_name, m.key_path, m.allow_enclave_computations, m.signature, m.created_at";
    private static final String VALUES_WITH_MASTER_KEYS = "select v.column_encryption_key_name, "
            + "v.encryption_algorithm_name, v.encrypted_value, v.created_at, " + MASTER_KEY_COLUMNS
            + " from " + ENCRYPTION_KEY_VALUES + " v join " + MASTER_KEYS + " m on m.name = v.column_master_key_name ";
    private static final String VALUE_ORDER = " order by v.column_encryption_key_name, v.created_at, m.name";

    private final Connection connection;

    KeyCatalogTransaction(Connection connection) {
        this.connection = connection;
    }

    /** The connection of this transaction, for reads of other hibernate-ae tables in the same transaction. */
    public Connection connection() {
        return connection;
    }

    public Optional<MasterKeyRow> findMasterKey(String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + MASTER_KEY_COLUMNS + " from " + MASTER_KEYS + " m where m.name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(masterKey(rows, 1)) : Optional.empty();
            }
        }
    }

    public List<MasterKeyRow> masterKeys() throws SQLException {
        List<MasterKeyRow> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select " + MASTER_KEY_COLUMNS + " from " + MASTER_KEYS + " m order by m.name");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(masterKey(rows, 1));
            }
        }
        return keys;
    }

    /**
     * The named column encryption key with its values, oldest value first.
     *
     * @param lock whether to lock the key's row until the transaction ends, so that concurrent changes to its
     *        values are serialized
     */
    public Optional<EncryptionKeyRow> findEncryptionKey(String name, boolean lock) throws SQLException {
        Instant createdAt;
        byte[] nameTag;
        try (PreparedStatement select = connection.prepareStatement("select created_at, name_tag from "
                + ENCRYPTION_KEYS + " where name = ?" + (lock ? " for update" : ""))) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                createdAt = instant(rows, 1);
                nameTag = rows.getBytes(2);
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                VALUES_WITH_MASTER_KEYS + "where v.column_encryption_key_name = ?" + VALUE_ORDER)) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                List<EncryptedValueRow> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(value(rows));
                }
                return Optional.of(new EncryptionKeyRow(name, createdAt, values, nameTag));
            }
        }
    }

    public List<EncryptionKeyRow> encryptionKeys() throws SQLException {
        Map<String, Instant> created = new LinkedHashMap<>();
        Map<String, byte[]> nameTags = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select name, created_at, name_tag from " + ENCRYPTION_KEYS + " order by name");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                created.put(rows.getString(1), instant(rows, 2));
                nameTags.put(rows.getString(1), rows.getBytes(3));
            }
        }
        Map<String, List<EncryptedValueRow>> values = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(VALUES_WITH_MASTER_KEYS + VALUE_ORDER);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                values.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(value(rows));
            }
        }
        List<EncryptionKeyRow> keys = new ArrayList<>();
        created.forEach((name, at) -> keys.add(new EncryptionKeyRow(name, at, values.getOrDefault(name, List.of()),
                nameTags.get(name))));
        return keys;
    }

    /** Names of the column encryption keys with a value wrapped by {@code masterKeyName}. */
    public List<String> encryptionKeysUsing(String masterKeyName) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select column_encryption_key_name from "
                + ENCRYPTION_KEY_VALUES + " where column_master_key_name = ? order by column_encryption_key_name")) {
            select.setString(1, masterKeyName);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    public void insertMasterKey(MasterKeyRow key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + MASTER_KEYS
                + " (name, key_store_provider_name, key_path, allow_enclave_computations, signature, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key.name());
            insert.setString(2, key.providerName());
            insert.setString(3, key.keyPath());
            insert.setBoolean(4, key.allowEnclaveComputations());
            insert.setBytes(5, key.signature());
            insert.setObject(6, utc(key.createdAt()));
            insert.executeUpdate();
        }
    }

    public void insertEncryptionKey(String name, Instant createdAt, byte[] nameTag) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into " + ENCRYPTION_KEYS + " (name, created_at, name_tag) values (?, ?, ?)")) {
            insert.setString(1, name);
            insert.setObject(2, utc(createdAt));
            insert.setBytes(3, nameTag);
            insert.executeUpdate();
        }
    }

    /** Sets the name binding of a key made by hibernate-ae 0.1, which had none. */
    public void bindName(String name, byte[] nameTag) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update " + ENCRYPTION_KEYS + " set name_tag = ? where name = ?")) {
            update.setBytes(1, nameTag);
            update.setString(2, name);
            update.executeUpdate();
        }
    }

    public void insertValue(String encryptionKeyName, String masterKeyName, String algorithm, byte[] encryptedValue,
            Instant createdAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + ENCRYPTION_KEY_VALUES
                + " (column_encryption_key_name, column_master_key_name, encryption_algorithm_name, encrypted_value,"
                + " created_at) values (?, ?, ?, ?, ?)")) {
            insert.setString(1, encryptionKeyName);
            insert.setString(2, masterKeyName);
            insert.setString(3, algorithm);
            insert.setBytes(4, encryptedValue);
            insert.setObject(5, utc(createdAt));
            insert.executeUpdate();
        }
    }

    public boolean deleteValue(String encryptionKeyName, String masterKeyName) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + ENCRYPTION_KEY_VALUES
                + " where column_encryption_key_name = ? and column_master_key_name = ?")) {
            delete.setString(1, encryptionKeyName);
            delete.setString(2, masterKeyName);
            return delete.executeUpdate() > 0;
        }
    }

    /** Deletes the key and its values. */
    public boolean deleteEncryptionKey(String name) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from " + ENCRYPTION_KEY_VALUES + " where column_encryption_key_name = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from " + ENCRYPTION_KEYS + " where name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        }
    }

    public boolean deleteMasterKey(String name) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + MASTER_KEYS + " where name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        }
    }

    private static EncryptedValueRow value(ResultSet rows) throws SQLException {
        return new EncryptedValueRow(masterKey(rows, 5), rows.getString(2), rows.getBytes(3), instant(rows, 4));
    }

    private static MasterKeyRow masterKey(ResultSet rows, int first) throws SQLException {
        return new MasterKeyRow(rows.getString(first), rows.getString(first + 1), rows.getString(first + 2),
                rows.getBoolean(first + 3), rows.getBytes(first + 4), instant(rows, first + 5));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value.toInstant(ZoneOffset.UTC);
    }
}
