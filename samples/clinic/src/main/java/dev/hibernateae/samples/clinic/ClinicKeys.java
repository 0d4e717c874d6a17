package dev.hibernateae.samples.clinic;

/** The names of the sample's keys, as the key tables and {@code @Encrypted(key = ...)} know them. */
public final class ClinicKeys {
    /** The column encryption key that encrypts the patient columns. */
    public static final String COLUMN_ENCRYPTION_KEY = "clinic-cek";
    /** The column master key (its metadata row) that wraps the column encryption key. */
    public static final String COLUMN_MASTER_KEY = "clinic-demo-cmk";
    /** The key path of the column master key: its alias in the PKCS12 keystore. */
    public static final String KEYSTORE_ALIAS = "clinic-demo-cmk";

    private ClinicKeys() {
    }
}
