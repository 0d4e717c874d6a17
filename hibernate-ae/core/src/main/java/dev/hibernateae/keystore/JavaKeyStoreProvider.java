package dev.hibernateae.keystore;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.spi.RsaColumnMasterKeyProvider;
import dev.hibernateae.spi.RsaMasterKey;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The {@code MSSQL_JAVA_KEYSTORE} column master key provider: RSA column master keys in a PKCS12 or JKS file made
 * with {@code keytool}, compatible with mssql-jdbc's {@code SQLServerColumnEncryptionJavaKeyStoreProvider}. The key
 * path is the keystore alias, compared case-insensitively. Each private key must have the keystore's password
 * (as {@code keytool} gives it by default).
 *
 * <p>Wrapping a column encryption key and signing need the alias's private key; verifying a signature needs only
 * its certificate. Unlike mssql-jdbc, which reads the file on every call, the keystore is loaded once and its keys
 * kept; the file is looked at again at most every {@link #DEFAULT_RELOAD_CHECK_INTERVAL} (and at once when an alias
 * is not found), and reloaded when its modification time or size changed, so that a master key added for
 * rotation is found without a restart.
 *
 * <p>Built programmatically with {@link #JavaKeyStoreProvider(Path, String, char[])}, or from Hibernate settings
 * with {@link #fromSettings(Map)}: {@link EncryptionSettings#KEYSTORE_LOCATION}, {@link EncryptionSettings#KEYSTORE_TYPE}
 * and exactly one of {@link EncryptionSettings#KEYSTORE_PASSWORD}, {@link EncryptionSettings#KEYSTORE_PASSWORD_ENV}
 * and {@link EncryptionSettings#KEYSTORE_PASSWORD_FILE}. Thread-safe.
 */
public final class JavaKeyStoreProvider extends RsaColumnMasterKeyProvider {
    /** The provider name SQL Server stores with the column master key. */
    public static final String NAME = "MSSQL_JAVA_KEYSTORE";
    /** The keystore type when none is given. */
    public static final String DEFAULT_TYPE = "PKCS12";
    /** How often, at most, the keystore file is looked at for changes. */
    public static final Duration DEFAULT_RELOAD_CHECK_INTERVAL = Duration.ofSeconds(2);

    private final Path location;
    private final String type;
    private final ReloadingKeyStore keyStore;

    /**
     * Opens the keystore now, so that a missing file or wrong password fails at startup.
     *
     * @param location the PKCS12 or JKS file
     * @param type {@code PKCS12} or {@code JKS}; null means {@value #DEFAULT_TYPE}
     * @param password the keystore password (and every private key's); copied, so the caller may clear it
     * @throws ColumnMasterKeyException when the file is missing, unreadable, not a keystore or the password is wrong
     */
    public JavaKeyStoreProvider(Path location, String type, char[] password) {
        this(location, type, password, DEFAULT_RELOAD_CHECK_INTERVAL, System::nanoTime);
    }

    /**
     * Builds the provider from Hibernate settings, like {@link #fromSettings(Map)}; lets the provider be named in
     * {@link EncryptionSettings#PROVIDERS}.
     */
    public JavaKeyStoreProvider(Map<String, ?> settings) {
        this(KeyStoreSettings.from(settings, System::getenv));
    }

    private JavaKeyStoreProvider(KeyStoreSettings settings) {
        this(settings.location(), settings.type(), settings.password(), DEFAULT_RELOAD_CHECK_INTERVAL,
                System::nanoTime);
        Arrays.fill(settings.password(), '\0');
    }

    /** For tests: a chosen check interval and clock. */
    JavaKeyStoreProvider(Path location, String type, char[] password, Duration reloadCheckInterval,
            LongSupplier nanoClock) {
        this.location = Objects.requireNonNull(location, "location");
        this.type = type == null || type.isBlank() ? DEFAULT_TYPE : type.trim();
        Objects.requireNonNull(password, "password");
        this.keyStore = new ReloadingKeyStore(new KeyStoreFile(location), this.type, password.clone(),
                reloadCheckInterval, nanoClock);
    }

    /**
     * Builds the provider from Hibernate settings: {@link EncryptionSettings#KEYSTORE_LOCATION} (required),
     * {@link EncryptionSettings#KEYSTORE_TYPE} (default {@value #DEFAULT_TYPE}), and the password from exactly one of
     * {@link EncryptionSettings#KEYSTORE_PASSWORD}, {@link EncryptionSettings#KEYSTORE_PASSWORD_ENV} (the name of an
     * environment variable) or {@link EncryptionSettings#KEYSTORE_PASSWORD_FILE} (a file, one trailing line break
     * removed).
     *
     * @throws ColumnMasterKeyException naming the setting that is missing or wrong, or the keystore problem
     */
    public static JavaKeyStoreProvider fromSettings(Map<String, ?> settings) {
        return new JavaKeyStoreProvider(KeyStoreSettings.from(settings, System::getenv));
    }

    /** {@link #fromSettings(Map)} with a given environment, for tests. */
    static JavaKeyStoreProvider fromSettings(Map<String, ?> settings, Function<String, String> environment) {
        return new JavaKeyStoreProvider(KeyStoreSettings.from(settings, environment));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected RsaMasterKey masterKey(String masterKeyPath) {
        return keyStore.masterKey(masterKeyPath);
    }

    /** mssql-jdbc's Java KeyStore provider signs the metadata's SHA-256 digest with SHA256withRSA: hashed twice. */
    @Override
    protected byte[] metadataSignatureInput(byte[] metadata) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(metadata);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "JavaKeyStoreProvider[" + NAME + ", " + type + " keystore " + location + "]";
    }
}
