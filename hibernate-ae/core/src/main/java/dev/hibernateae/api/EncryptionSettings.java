package dev.hibernateae.api;

/**
 * Every hibernate-ae setting, as a Hibernate setting name. They work wherever Hibernate settings do:
 * {@code persistence.xml} properties, {@code hibernate.properties}, the Hibernate bootstrap API, and Spring Boot's
 * {@code spring.jpa.properties.*}.
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
     * How long an unwrapped column encryption key stays cached: ISO-8601 ({@code PT2H}) or seconds. Default two
     * hours, as in SQL Server's drivers; {@code 0} disables caching.
     */
    public static final String KEY_CACHE_TTL = PREFIX + "key_cache_ttl";

    /**
     * Comma-separated column master key paths this application trusts. When set, a column encryption key wrapped
     * by a master key whose path is not listed is refused. Compared case-insensitively.
     */
    public static final String TRUSTED_MASTER_KEY_PATHS = PREFIX + "trusted_master_key_paths";

    /**
     * Comma-separated class names of {@link dev.hibernateae.spi.ColumnMasterKeyProvider} implementations to register,
     * in addition to those found through {@code META-INF/services}. Each needs a public no-argument constructor or a
     * constructor taking {@code java.util.Map<String, Object>} (the settings).
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

    private EncryptionSettings() {
    }
}
