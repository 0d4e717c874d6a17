package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.codec.CodecOptions;
import dev.hibernateae.internal.codec.PlaintextCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything about one {@code @Encrypted} attribute that decides how its values are stored, fixed when the mapping
 * is complete: where it lives, which key name and encryption type it declares, and how its values become
 * plaintext bytes. Immutable; what the key lifecycle changes (which key, which stored form) is handed out for it by
 * {@link ValueFormats}, never kept here.
 *
 * @param role {@code com.example.Patient.ssn}, {@code ...Patient.address.zip}, {@code ...Patient.aliases}
 * @param table the table of its column, without schema; null until the mapping is complete
 * @param column its column; null until the mapping is complete
 * @param keyName the name in {@code @Encrypted(key = ...)}
 * @param type deterministic or randomized
 * @param javaType the attribute's Java type (boxed)
 * @param codec how its values become the bytes SQL Server's drivers encrypt
 * @param codecOptions the mapping choices the codec was built from (scale, string encoding, ...)
 * @param collectionElement whether it is the element of an {@code @ElementCollection}
 * @param cellLength the largest cell it writes: its column must hold at least this many bytes
 * @param rowKey the columns that identify a row of its table (the primary key; for an element collection without
 *        one, the owner's key columns, the index if any, and the element); empty until the mapping is complete
 */
public record EncryptedAttribute<T>(String role, String table, String column, String keyName, EncryptionType type,
        Class<T> javaType, PlaintextCodec<T> codec, CodecOptions codecOptions, boolean collectionElement,
        int cellLength, List<String> rowKey) {

    public EncryptedAttribute {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(codecOptions, "codecOptions");
        rowKey = List.copyOf(rowKey);
    }

    /** The same attribute once the mapping is complete: its full role, its column and its table's row key. */
    public EncryptedAttribute<T> locatedAt(String fullRole, String tableName, String columnName,
            List<String> rowKeyColumns) {
        return new EncryptedAttribute<>(fullRole, tableName, columnName, keyName, type, javaType, codec, codecOptions,
                collectionElement, cellLength, rowKeyColumns);
    }

    /**
     * {@code Patient.ssn} from {@code com.example.Patient.ssn}: the role without its package, as errors about queries
     * name attributes.
     */
    public String simpleRole() {
        String[] parts = role.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                return String.join(".", Arrays.copyOfRange(parts, i, parts.length));
            }
        }
        return role;
    }

    /** {@code table.column}, lower-case and unquoted: how lifecycle records and settings name the column. */
    public String columnId() {
        return columnId(table, column);
    }

    public boolean deterministic() {
        return type == EncryptionType.DETERMINISTIC;
    }

    /** {@code table.column} of any table and column, schema and quotes removed, lower-case. */
    public static String columnId(String table, String column) {
        return bare(table) + "." + bare(column);
    }

    private static String bare(String identifier) {
        if (identifier == null) {
            return "?";
        }
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

    /** The mapping only, never a value: {@code com.example.Patient.ssn (DETERMINISTIC, key 'cek1')}. */
    @Override
    public String toString() {
        return role + " (" + type + ", key '" + keyName + "')";
    }
}
