package dev.hibernateae.internal.keys;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A column encryption key as the database holds it: its name and one or two encrypted values, oldest first (two
 * while its column master key is being rotated).
 */
public record EncryptionKeyRow(String name, Instant createdAt, List<EncryptedValueRow> values) {

    public EncryptionKeyRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        values = List.copyOf(values);
    }
}
