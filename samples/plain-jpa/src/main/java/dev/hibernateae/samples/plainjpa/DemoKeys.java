package dev.hibernateae.samples.plainjpa;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeyInfo;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.keystore.JavaKeyStoreProvider;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;

/**
 * DEMO ONLY: on first run, makes a PKCS12 keystore with one RSA-2048 key pair (the column master key) with the JDK's
 * {@code keytool}, then records the master key in the key tables and creates the column encryption key, unless they
 * exist. In production an administrator creates keys once (with {@link ColumnKeyAdministration} or the command-line
 * tool), the master key lives in a key store the database never reaches, and the application only reads them.
 */
public final class DemoKeys {
    /** The column encryption key that encrypts the patient columns. */
    public static final String COLUMN_ENCRYPTION_KEY = "plain-jpa-cek";
    /** The column master key's name in the key tables, and its alias in the keystore (its key path). */
    public static final String COLUMN_MASTER_KEY = "plain-jpa-demo-cmk";

    private final Path keystore;
    private final boolean keystoreCreated;
    private final boolean keysCreated;

    private DemoKeys(Path keystore, boolean keystoreCreated, boolean keysCreated) {
        this.keystore = keystore;
        this.keystoreCreated = keystoreCreated;
        this.keysCreated = keysCreated;
    }

    /** Creates what is missing, reading the keystore's place and password from the persistence unit's settings. */
    public static DemoKeys provision(EntityManagerFactory entityManagerFactory) {
        Map<String, Object> settings = entityManagerFactory.getProperties();
        Path keystore = Path.of(String.valueOf(settings.get(EncryptionSettings.KEYSTORE_LOCATION)));
        String password = String.valueOf(settings.get(EncryptionSettings.KEYSTORE_PASSWORD));
        boolean keystoreCreated = createKeystoreIfAbsent(keystore, password);
        ColumnKeyAdministration admin = ColumnKeyAdministration.builder()
                .sessionFactory(entityManagerFactory.unwrap(SessionFactory.class)).build();
        boolean masterKeyExists = admin.listColumnMasterKeys().stream().map(ColumnMasterKeyInfo::name)
                .anyMatch(COLUMN_MASTER_KEY::equals);
        if (masterKeyExists && keystoreCreated) {
            throw new IllegalStateException("The database already holds column master key '" + COLUMN_MASTER_KEY
                    + "' from an earlier run, but its keystore was missing and " + keystore.toAbsolutePath()
                    + " is a new one that cannot unwrap the old keys. Restore the old keystore, or drop the sample's "
                    + "tables (plain_jpa_patient and hae_column_*) to start afresh");
        }
        // Created when missing; when present, checked to be these keys (a mismatch stops the demo).
        boolean masterKeyCreated = admin.ensureColumnMasterKey(ColumnMasterKeySpec.named(COLUMN_MASTER_KEY)
                .provider(JavaKeyStoreProvider.NAME).keyPath(COLUMN_MASTER_KEY)).created();
        boolean encryptionKeyCreated = admin.ensureColumnEncryptionKey(COLUMN_ENCRYPTION_KEY, COLUMN_MASTER_KEY)
                .created();
        boolean keysCreated = masterKeyCreated || encryptionKeyCreated;
        return new DemoKeys(keystore, keystoreCreated, keysCreated);
    }

    public Path keystore() {
        return keystore;
    }

    /** Whether this run created the keystore file. */
    public boolean keystoreCreated() {
        return keystoreCreated;
    }

    /** Whether this run created key metadata in the database (always, on an in-memory database). */
    public boolean keysCreated() {
        return keysCreated;
    }

    private static boolean createKeystoreIfAbsent(Path location, String password) {
        if (Files.exists(location)) {
            return false;
        }
        try {
            Files.createDirectories(location.toAbsolutePath().getParent());
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair",
                    "-alias", COLUMN_MASTER_KEY, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                    "-dname", "CN=hibernate-ae demo column master key (DEMO ONLY)",
                    "-storetype", "PKCS12", "-keystore", location.toString(),
                    "-storepass", password, "-keypass", password))
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool could not create the demo keystore " + location + ": "
                        + output);
            }
            return true;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the demo keystore " + location + " with the JDK's keytool ("
                    + e.getMessage() + "): run the demo with a JDK, or create the keystore yourself", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the demo keystore " + location, e);
        }
    }
}
