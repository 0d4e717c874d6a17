package dev.hibernateae.spring;

import dev.hibernateae.api.EncryptionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code hibernate-ae.*} properties: each {@link EncryptionSettings} constant has one, named after it (see
 * {@link SettingProperties}), which may also be given as {@code spring.jpa.properties.hibernate.ae.*}. Setting the
 * same thing both ways with different values is an error at startup.
 */
// A misspelt property (hibernate-ae.keystore.locaton) stops startup naming it, as a misspelt hibernate.ae.* setting
// does, instead of leaving the keystore unconfigured.
@ConfigurationProperties(prefix = HibernateAeProperties.PREFIX, ignoreUnknownFields = false)
public class HibernateAeProperties {
    /** The prefix of these properties. */
    public static final String PREFIX = "hibernate-ae";

    private final Keystore keystore = new Keystore();
    private final KeyTables keyTables = new KeyTables();
    private final AzureKeyVault azureKeyVault = new AzureKeyVault();
    private final Repositories repositories = new Repositories();
    private final Lifecycle lifecycle = new Lifecycle();
    private final ExceptionTranslation exceptionTranslation = new ExceptionTranslation();
    private final Provisioning provisioning = new Provisioning();
    private final Health health = new Health();
    private final Metrics metrics = new Metrics();

    /**
     * Whether the key hierarchy is checked when the EntityManagerFactory starts: the keystore opens, and every
     * column encryption key an @Encrypted attribute names exists and unwraps (then stays cached). A problem stops
     * startup, naming the setting or the attributes and key. Skipped with a warning while the key tables do not exist.
     * Default true.
     */
    private Boolean startupCheck;

    /**
     * Class names of key ring listeners (dev.hibernateae.spi.KeyRingListener, public no-argument constructor) told
     * of key unwraps, key cache hits and misses and key store failures, besides the listener beans of the
     * application context.
     */
    private List<String> keyRingListeners = new ArrayList<>();

    /**
     * How long an unwrapped column encryption key stays cached, such as 2h, PT2H or 7200 (a bare number is seconds);
     * 0 disables caching. Default two hours, as in SQL Server's drivers.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration keyCacheTtl;

    /**
     * Column master key paths this application trusts (keystore aliases, Azure Key Vault key URLs), compared
     * case-insensitively. A master key row with another path is refused before any key store is asked. Required
     * unless trust-any-master-key-path is true.
     */
    private List<String> trustedMasterKeyPaths = new ArrayList<>();

    /**
     * Use any column master key path the key tables name instead of listing them; logs a warning. Only where the
     * key tables are as trusted as the application: whoever writes them can then choose the key. Default false.
     */
    private Boolean trustAnyMasterKeyPath;

    /**
     * Class names of column master key providers to register, besides the provider beans of the application context
     * and those found through META-INF/services.
     */
    private List<String> providers = new ArrayList<>();

    /**
     * What loading does when an encrypted attribute's column encryption key cannot be unwrapped here: fail (the
     * default) raises an error naming the attribute and key; null loads the attribute as null.
     */
    private UnreadableAttributes unreadableAttributes;

    public Keystore getKeystore() {
        return keystore;
    }

    public KeyTables getKeyTables() {
        return keyTables;
    }

    public AzureKeyVault getAzureKeyVault() {
        return azureKeyVault;
    }

    public Repositories getRepositories() {
        return repositories;
    }

    public Lifecycle getLifecycle() {
        return lifecycle;
    }

    public ExceptionTranslation getExceptionTranslation() {
        return exceptionTranslation;
    }

    public Provisioning getProvisioning() {
        return provisioning;
    }

    public Health getHealth() {
        return health;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Boolean getStartupCheck() {
        return startupCheck;
    }

    public void setStartupCheck(Boolean startupCheck) {
        this.startupCheck = startupCheck;
    }

    public List<String> getKeyRingListeners() {
        return keyRingListeners;
    }

    public void setKeyRingListeners(List<String> keyRingListeners) {
        this.keyRingListeners = keyRingListeners;
    }

    public Boolean getTrustAnyMasterKeyPath() {
        return trustAnyMasterKeyPath;
    }

    public void setTrustAnyMasterKeyPath(Boolean trustAnyMasterKeyPath) {
        this.trustAnyMasterKeyPath = trustAnyMasterKeyPath;
    }

    public Duration getKeyCacheTtl() {
        return keyCacheTtl;
    }

    public void setKeyCacheTtl(Duration keyCacheTtl) {
        this.keyCacheTtl = keyCacheTtl;
    }

    public List<String> getTrustedMasterKeyPaths() {
        return trustedMasterKeyPaths;
    }

    public void setTrustedMasterKeyPaths(List<String> trustedMasterKeyPaths) {
        this.trustedMasterKeyPaths = trustedMasterKeyPaths;
    }

    public List<String> getProviders() {
        return providers;
    }

    public void setProviders(List<String> providers) {
        this.providers = providers;
    }

    public UnreadableAttributes getUnreadableAttributes() {
        return unreadableAttributes;
    }

    public void setUnreadableAttributes(UnreadableAttributes unreadableAttributes) {
        this.unreadableAttributes = unreadableAttributes;
    }

    /** What loading does with an attribute whose column encryption key cannot be unwrapped. */
    public enum UnreadableAttributes {
        /** Raise an error naming the attribute and the key. */
        FAIL,
        /** Load the attribute as null; flushes then never overwrite the ciphertext this client could not read. */
        NULL
    }

    /** How this application follows key rotations and columns moving between plaintext and cells. */
    public static class Lifecycle {
        /**
         * How often the key lifecycle tables are read, such as 10s, PT10S or 10 (a bare number is seconds); 0 reads
         * them once. Default 10 seconds.
         */
        @DurationUnit(ChronoUnit.SECONDS)
        private Duration pollInterval;

        /**
         * Columns (table.column) whose plaintext this application reads while an authenticated encryption in place
         * runs on them. Remove each once its encryption completed.
         */
        private List<String> encryptingColumns = new ArrayList<>();

        /** Columns (table.column) this application writes as plaintext once their decryption back is announced. */
        private List<String> decryptingColumns = new ArrayList<>();

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public List<String> getEncryptingColumns() {
            return encryptingColumns;
        }

        public void setEncryptingColumns(List<String> encryptingColumns) {
            this.encryptingColumns = encryptingColumns;
        }

        public List<String> getDecryptingColumns() {
            return decryptingColumns;
        }

        public void setDecryptingColumns(List<String> decryptingColumns) {
            this.decryptingColumns = decryptingColumns;
        }
    }

    /** The MSSQL_JAVA_KEYSTORE provider: column master keys in a PKCS12 or JKS file made with keytool. */
    public static class Keystore {
        /** Path of the PKCS12 or JKS file that holds the column master keys. */
        private Path location;

        /** Keystore type: PKCS12 (the default) or JKS. */
        private String type;

        /**
         * The keystore password itself. Prefer password-env or password-file, so that the password stays out of
         * configuration files.
         */
        private String password;

        /** Name of an environment variable that holds the keystore password. */
        private String passwordEnv;

        /** Path of a file whose content (one trailing line break removed) is the keystore password. */
        private Path passwordFile;

        public Path getLocation() {
            return location;
        }

        public void setLocation(Path location) {
            this.location = location;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getPasswordEnv() {
            return passwordEnv;
        }

        public void setPasswordEnv(String passwordEnv) {
            this.passwordEnv = passwordEnv;
        }

        public Path getPasswordFile() {
            return passwordFile;
        }

        public void setPasswordFile(Path passwordFile) {
            this.passwordFile = passwordFile;
        }

        @Override
        public String toString() {
            return "Keystore[" + location + "]"; // never the password
        }
    }

    /** The tables that hold column master key metadata and wrapped column encryption keys. */
    public static class KeyTables {
        /**
         * Whether Hibernate schema generation (ddl-auto create, create-drop, update) creates the key tables when they
         * are missing; default true. Schema generation never drops them.
         */
        private Boolean schemaGeneration;

        public Boolean getSchemaGeneration() {
            return schemaGeneration;
        }

        public void setSchemaGeneration(Boolean schemaGeneration) {
            this.schemaGeneration = schemaGeneration;
        }
    }

    /** The AZURE_KEY_VAULT provider, created when the application context has one TokenCredential bean. */
    public static class AzureKeyVault {
        /**
         * Whether a TokenCredential bean turns on the AZURE_KEY_VAULT provider (when hibernate-ae-azure-key-vault is
         * on the class path).
         */
        private boolean enabled = true;

        /**
         * Vault hosts key paths may point at, replacing the default list of Azure Key Vault and Managed HSM hosts of
         * the public and sovereign clouds. A key path's host must equal one or be a subdomain of one.
         */
        private List<String> trustedHosts = new ArrayList<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getTrustedHosts() {
            return trustedHosts;
        }

        public void setTrustedHosts(List<String> trustedHosts) {
            this.trustedHosts = trustedHosts;
        }
    }

    /** Spring Data JPA repositories. */
    public static class Repositories {
        /**
         * Whether repository query methods (derived queries such as findBySsnLike, and @Query JPQL) are checked when
         * each repository is created, so that one that cannot work on encrypted attributes stops startup with a
         * message naming the method. Queries are checked when they run in any case; @Query JPQL refused by Spring
         * Data's own validation still stops startup, and Spring Boot's failure report still names the method.
         */
        private boolean checkQueries = true;

        public boolean isCheckQueries() {
            return checkQueries;
        }

        public void setCheckQueries(boolean checkQueries) {
            this.checkQueries = checkQueries;
        }
    }

    /** The Actuator health indicator hibernateAe (when spring-boot-health, part of Actuator, is on the class path). */
    public static class Health {
        /**
         * Whether the hibernateAe health indicator reports key store reachability and the key cache: DOWN while a
         * column encryption key's last load failed and no cached copy is left. It calls no key store.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Micrometer meters of the key ring (when micrometer-core is on the class path). */
    public static class Metrics {
        /**
         * Whether key unwraps, key cache hits and misses, key store latency and key store failures are counted as
         * hibernate_ae.* meters.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Spring's data access exception translation of hibernate-ae's exceptions. */
    public static class ExceptionTranslation {
        /**
         * Whether hibernate-ae's exceptions thrown through Spring Data repositories and @Repository beans become
         * Spring DataAccessExceptions by kind (an unsupported query InvalidDataAccessApiUsageException, for example),
         * the original kept as the cause. When false, only Spring's JPA translation applies.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * Development only: keys created at startup when missing. Each entry is a list element with a name property
     * rather than a map key, because Spring's relaxed binding would drop characters such as '_' from a map key and
     * silently provision a key under another name.
     */
    public static class Provisioning {
        /**
         * Whether the keys listed here are created at startup, once the entity manager factory (and so the key tables)
         * exists and before any bean receives it: existing keys are checked to be the ones listed, and one that
         * differs stops startup. For development and tests; in production an administrator creates keys once (the
         * command-line tool or the key administration API).
         */
        private boolean enabled;

        /**
         * Column master keys to record when missing, before the column encryption keys. Each has a name, a key-path,
         * a provider (default MSSQL_JAVA_KEYSTORE) and allow-enclave-computations (default false).
         */
        private List<MasterKey> columnMasterKeys = new ArrayList<>();

        /** Column encryption keys to create when missing. Each has a name and the column-master-key that wraps it. */
        private List<EncryptionKey> columnEncryptionKeys = new ArrayList<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<MasterKey> getColumnMasterKeys() {
            return columnMasterKeys;
        }

        public void setColumnMasterKeys(List<MasterKey> columnMasterKeys) {
            this.columnMasterKeys = columnMasterKeys;
        }

        public List<EncryptionKey> getColumnEncryptionKeys() {
            return columnEncryptionKeys;
        }

        public void setColumnEncryptionKeys(List<EncryptionKey> columnEncryptionKeys) {
            this.columnEncryptionKeys = columnEncryptionKeys;
        }
    }

    /** A column master key to record: the key itself must already be in its key store. */
    public static class MasterKey {
        /** The column master key's name, as column encryption keys refer to it. */
        private String name;

        /** The key store provider, such as MSSQL_JAVA_KEYSTORE (the default) or AZURE_KEY_VAULT. */
        private String provider = "MSSQL_JAVA_KEYSTORE";

        /**
         * Where the provider finds the key: the keystore alias, or the Key Vault key URL. Must be one of the
         * trusted-master-key-paths.
         */
        private String keyPath;

        /** Whether the key's signed metadata allows enclave computations, as in SQL Server. Default false. */
        private boolean allowEnclaveComputations;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getProvider() {
            return provider;
        }

        public void setProvider(String provider) {
            this.provider = provider;
        }

        public String getKeyPath() {
            return keyPath;
        }

        public void setKeyPath(String keyPath) {
            this.keyPath = keyPath;
        }

        public boolean isAllowEnclaveComputations() {
            return allowEnclaveComputations;
        }

        public void setAllowEnclaveComputations(boolean allowEnclaveComputations) {
            this.allowEnclaveComputations = allowEnclaveComputations;
        }
    }

    /** A column encryption key to create: 32 random bytes wrapped by a column master key. */
    public static class EncryptionKey {
        /** The column encryption key's name, as @Encrypted(key = ...) refers to it. */
        private String name;

        /** The column master key that wraps it (one of column-master-keys, or one that exists already). */
        private String columnMasterKey;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getColumnMasterKey() {
            return columnMasterKey;
        }

        public void setColumnMasterKey(String columnMasterKey) {
            this.columnMasterKey = columnMasterKey;
        }
    }
}
