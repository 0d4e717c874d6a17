package dev.hibernateae.admin;

import java.time.Instant;
import java.util.List;

/**
 * What the database says about a column encryption key: its name and the master keys that wrap it (one, or two
 * during a master key rotation). Never holds key bytes.
 *
 * @param name the name that {@code @Encrypted(key = ...)} refers to
 * @param values its encrypted values, oldest first
 * @param createdAt when the key was created (UTC)
 */
public record ColumnEncryptionKeyInfo(String name, List<ColumnEncryptionKeyValueInfo> values, Instant createdAt) {

    public ColumnEncryptionKeyInfo {
        values = List.copyOf(values);
    }

    /** The names of the column master keys that wrap this key. */
    public List<String> columnMasterKeyNames() {
        return values.stream().map(ColumnEncryptionKeyValueInfo::columnMasterKeyName).toList();
    }
}
