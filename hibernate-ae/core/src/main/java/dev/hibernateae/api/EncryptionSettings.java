package dev.hibernateae.api;

/**
 * Every hibernate-ae setting, as a Hibernate setting name. They work wherever Hibernate settings do:
 * {@code persistence.xml} properties, {@code hibernate.properties}, the Hibernate bootstrap API, and Spring Boot's
 * {@code spring.jpa.properties.*}. Any other {@code hibernate.ae.*} name is refused at startup, naming the closest of
 * these; names under {@code hibernate.ae.internal.} are hibernate-ae's own and not for applications.
 */
public final class EncryptionSettings {
    /** The prefix every setting shares. */
    public static final String PREFIX = "hibernate.ae.";

    /** Path of the PKCS12 or JKS file that holds the column master keys of the {@code MSSQL_JAVA_KEYSTORE} provider. */
    public static final String KEYSTORE_LOCATION = PREFIX + "keystore.location";

    /** Keystore type, {@code PKCS12} (default) or {@code JKS}. */
    public static final String KEYSTORE_TYPE = PREFIX + "keystore.type";

    /** The keystore password itself. Prefer {@link #KEYSTORE_PASSWORD_ENV} or {@link #KEYSTORE_PASSWORD_FILE}. */
    public static final String KEYSTORE_PASSWORD = PREFIX + "keystore.password";

    /** Name of an environment variable that holds the keystore password. */
    public static final String KEYSTORE_PASSWORD_ENV = PREFIX + "keystore.password_env";

    /** Path of a file whose content (trailing line break removed) is the keystore password. */
    public static final String KEYSTORE_PASSWORD_FILE = PREFIX + "keystore.password_file";

    /**
     * How long an unwrapped column encryption key stays cached: a duration, ISO-8601 ({@code PT2H}), whole seconds
     * ({@code 7200}) or a whole number with a unit ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h},
     * {@code 1d}). Default two hours, as in SQL Server's drivers; {@code 0} disables caching.
     */
    public static final String KEY_CACHE_TTL = PREFIX + "key_cache_ttl";

    /**
     * Comma-separated column master key paths this application trusts (for {@code MSSQL_JAVA_KEYSTORE} the keystore
     * alias, for {@code AZURE_KEY_VAULT} the key URL), compared case-insensitively. A column master key row whose
     * path is not listed is refused before any key store is asked, so a database administrator who points the key
     * tables at a key of their own receives nothing. Required wherever keys are read from the database, unless
     * {@link #TRUST_ANY_MASTER_KEY_PATH} is set.
     */
    public static final String TRUSTED_MASTER_KEY_PATHS = PREFIX + "trusted_master_key_paths";

    /**
     * {@code true} to use any column master key path the key tables name, instead of listing them in
     * {@link #TRUSTED_MASTER_KEY_PATHS}; logs a warning at startup. Only for setups where the key tables are as
     * trusted as the application: whoever can write them can then make the application encrypt under a key of
     * their own. Default {@code false}.
     */
    public static final String TRUST_ANY_MASTER_KEY_PATH = PREFIX + "trust_any_master_key_path";

    /**
     * Comma-separated class names of {@link dev.hibernateae.spi.ColumnMasterKeyProvider} implementations to register,
     * in addition to those found through {@code META-INF/services} (a collection of classes or provider instances
     * works too). Each class needs one of, in this order of preference: a public static
     * {@code fromSettings(java.util.Map<String, Object>)} method, a public constructor taking that map (the
     * settings), or a public no-argument constructor. Provider names are case-insensitive; a provider registered
     * in code wins over one named here, which wins over one from {@code META-INF/services}.
     */
    public static final String PROVIDERS = PREFIX + "providers";

    /**
     * What loading does when an encrypted attribute's column encryption key cannot be unwrapped here (its master key
     * is absent or not trusted): {@code fail} (the default) raises an error naming the attribute and key;
     * {@code null} loads the attribute as {@code null}. In {@code null} mode, entities with encrypted attributes are
     * updated with only their changed columns, so a flush never overwrites ciphertext this client could not read.
     * Tampered cells always fail, in either mode.
     */
    public static final String UNREADABLE_ATTRIBUTES = PREFIX + "unreadable_attributes";

    /**
     * Whether Hibernate schema generation ({@code create}, {@code create-drop}, {@code update}) creates the key
     * tables when they are missing; default {@code true}. Schema generation never drops them: that would destroy
     * every column encryption key. The same DDL ships in the jar under {@code META-INF/hibernate-ae/ddl/} for
     * Flyway or Liquibase.
     */
    public static final String KEY_TABLES_SCHEMA_GENERATION = PREFIX + "key_tables.schema_generation";

    /**
     * How often a running application reads the key lifecycle tables to learn about column encryption key
     * rotations and columns being encrypted in place: a duration as for {@link #KEY_CACHE_TTL} ({@code PT10S},
     * {@code 10}, {@code 10s}); default 10 seconds;
     * {@code 0} reads them once, at the first use. A lifecycle job waits at least twice this long (its
     * {@code --wait}) after announcing a change before it rewrites a row, so every application switches first.
     */
    public static final String LIFECYCLE_POLL_INTERVAL = PREFIX + "lifecycle.poll_interval";

    /**
     * Comma-separated columns ({@code table.column}) whose plaintext this application reads while an authenticated
     * encryption in place runs on them ({@code hibernate-ae-cli encrypt-column}). A lifecycle record alone never
     * makes the application accept plaintext from an encrypted column; remove the column once the encryption
     * completed. Default: none.
     */
    public static final String LIFECYCLE_ENCRYPTING_COLUMNS = PREFIX + "lifecycle.encrypting_columns";

    /**
     * Comma-separated columns ({@code table.column}) that this application writes as plaintext once an
     * authenticated decryption back announces it ({@code hibernate-ae-cli decrypt-column}). A lifecycle record alone
     * never makes the application write plaintext. Default: none.
     */
    public static final String LIFECYCLE_DECRYPTING_COLUMNS = PREFIX + "lifecycle.decrypting_columns";

    /**
     * Whether the key hierarchy is checked when a session factory with encrypted attributes starts: {@code true}
     * (the default) or {@code false}. The check opens the configured keystore (failing with the
     * {@code hibernate.ae.keystore.*} setting to fix; a keystore file that does not exist yet is only a warning while
     * the key tables do not exist either), and loads and unwraps every column encryption key that an
     * {@code @Encrypted(key = ...)} attribute names (failing with the attributes, the key and the cause: missing key
     * row, untrusted master key path, signature that does not verify, key store unreachable). The keys it unwraps
     * stay cached, so the first query unwraps nothing. When the key tables do not exist yet (a new database;
     * schema generation creates them only after this check), the key check is skipped with a warning naming them.
     * With {@link #UNREADABLE_ATTRIBUTES}{@code =null}, a key that exists but cannot be unwrapped here is a warning,
     * not an error.
     */
    public static final String STARTUP_CHECK = PREFIX + "startup_check";

    /**
     * {@link dev.hibernateae.spi.KeyRingListener}s that hear of key unwraps, key cache hits and misses and key store
     * failures: comma-separated class names (each with a public no-argument constructor), or a collection of classes
     * or listener instances. Default: none.
     */
    public static final String KEY_RING_LISTENERS = PREFIX + "key_ring_listeners";

    private EncryptionSettings() {
    }
}
