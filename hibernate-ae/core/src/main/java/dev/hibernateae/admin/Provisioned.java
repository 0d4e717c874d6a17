package dev.hibernateae.admin;

import java.util.Objects;

/**
 * What an {@code ensure...} method of {@link ColumnKeyAdministration} returns: the key as the database now holds it,
 * and whether this call created it or found it there already (made earlier, or by another process at the same time)
 * and checked that it is the key asked for.
 *
 * @param <K> {@link ColumnMasterKeyInfo} or {@link ColumnEncryptionKeyInfo}
 */
public final class Provisioned<K> {
    private final K key;
    private final boolean created;

    private Provisioned(K key, boolean created) {
        this.key = Objects.requireNonNull(key, "key");
        this.created = created;
    }

    static <K> Provisioned<K> created(K key) {
        return new Provisioned<>(key, true);
    }

    static <K> Provisioned<K> existing(K key) {
        return new Provisioned<>(key, false);
    }

    /** The key: names, provider, paths and dates, never key bytes. */
    public K key() {
        return key;
    }

    /** Whether this call created the key; {@code false} when it existed and matched. */
    public boolean created() {
        return created;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Provisioned<?> that && key.equals(that.key) && created == that.created;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, created);
    }

    @Override
    public String toString() {
        return (created ? "created " : "existing ") + key;
    }
}
