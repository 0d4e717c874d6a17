package dev.hibernateae.samples.quarkus;

/** The names of the sample's keys, as the key tables and the {@code @Encrypted} attributes name them. */
public final class SampleKeys {
    /** The column master key: the RSA key pair with alias {@value #MASTER_KEY_PATH} in the keystore. */
    public static final String MASTER_KEY = "cmk_sample";
    /** The master key's path: its alias in the keystore, listed in {@code quarkus.hibernate-ae.trusted-master-key-paths}. */
    public static final String MASTER_KEY_PATH = "cmk1";
    /** The column encryption key of the patients' attributes. */
    public static final String PATIENT_KEY = "cek_patient";
    /** The column encryption key of the prescriptions' attribute. */
    public static final String PRESCRIPTION_KEY = "cek_prescription";

    private SampleKeys() {
    }
}
