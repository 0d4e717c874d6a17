package dev.hibernateae.internal.keys;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A column encryption key as the database holds it: its name, one or two encrypted values, oldest first (two
 * while its column master key is being rotated), and the tag that binds its name to its bytes ({@link KeyNameBinding};
 * null for a key made by hibernate-ae 0.1).
 */
public record EncryptionKeyRow(String name, Instant createdAt, List<EncryptedValueRow> values, byte[] nameTag) {

    public EncryptionKeyRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        values = List.copyOf(values);
    }
}
