package dev.hibernateae.internal.lifecycle;

/**
 * The key lifecycle tables, created by the same scripts as the key tables ({@code META-INF/hibernate-ae/ddl/}).
 */
public final class LifecycleTables {
    /** Which physical column encryption key a key name in {@code @Encrypted(key = ...)} stands for. */
    public static final String KEY_ROTATIONS = "hae_key_rotations";
    /** Columns being encrypted in place or decrypted back. */
    public static final String COLUMN_TRANSITIONS = "hae_column_transitions";
    /** The encrypted columns applications map, registered at startup for the jobs. */
    public static final String ENCRYPTED_COLUMNS = "hae_encrypted_columns";
    /** For each table with search tokens, what jobs need to derive them, registered at startup. */
    public static final String SEARCH_TABLES = "hae_search_tables";
    /** Partitions and checkpoints of re-encryption jobs. */
    public static final String JOBS = "hae_lifecycle_jobs";

    private LifecycleTables() {
    }
}
