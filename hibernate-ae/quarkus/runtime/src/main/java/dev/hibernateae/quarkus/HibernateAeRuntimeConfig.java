package dev.hibernateae.quarkus;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * hibernate-ae's run-time configuration, {@code quarkus.hibernate-ae.*}: one property for each
 * {@code hibernate.ae.*} setting the core reads when a persistence unit starts, its name in kebab case. A property
 * left unset leaves the setting to the core's default, or to
 * {@code quarkus.hibernate-orm.unsupported-properties."hibernate.ae.*"}, which wins over it. Applies to every
 * persistence unit.
 */
@ConfigMapping(prefix = "quarkus.hibernate-ae")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface HibernateAeRuntimeConfig {

    /**
     * The column master key paths this application trusts (keystore aliases, key URLs), compared
     * case-insensitively; a master key row with another path is refused before any key store is asked. Required
     * wherever keys are read from the database, unless `trust-any-master-key-path` is `true`.
     * (`hibernate.ae.trusted_master_key_paths`)
     */
    Optional<List<String>> trustedMasterKeyPaths();

    /**
     * Whether to use any master key path the key tables name instead of `trusted-master-key-paths`; logs a warning
     * at startup. Only where the key tables are as trusted as the application. Core's default: `false`.
     * (`hibernate.ae.trust_any_master_key_path`)
     */
    Optional<Boolean> trustAnyMasterKeyPath();

    /**
     * The keystore of the `MSSQL_JAVA_KEYSTORE` column master key provider.
     */
    Keystore keystore();

    /**
     * How long unwrapped column encryption keys stay cached (`2h`, `PT2H`, or a number of seconds); `0` disables
     * the cache. Core's default: two hours. (`hibernate.ae.key_cache_ttl`)
     */
    Optional<Duration> keyCacheTtl();

    /**
     * Class names of extra `dev.hibernateae.spi.ColumnMasterKeyProvider` implementations.
     * (`hibernate.ae.providers`)
     */
    Optional<List<String>> providers();

    /**
     * What loading does with an attribute whose column encryption key cannot be unwrapped here: `fail`, or `null`
     * to load it as `null`. Core's default: `fail`. (`hibernate.ae.unreadable_attributes`)
     */
    Optional<String> unreadableAttributes();

    /**
     * The key lifecycle: column encryption key rotations and columns encrypted or decrypted in place.
     */
    Lifecycle lifecycle();

    /**
     * Whether the key hierarchy of the encrypted attributes is checked when the persistence unit starts. Core's
     * default: `true`. (`hibernate.ae.startup_check`)
     */
    Optional<Boolean> startupCheck();

    /**
     * Class names of `dev.hibernateae.spi.KeyRingListener`s (public no-argument constructor), told of key unwraps,
     * key cache hits and misses and key store failures. (`hibernate.ae.key_ring_listeners`)
     */
    Optional<List<String>> keyRingListeners();

    /** The keystore file of the {@code MSSQL_JAVA_KEYSTORE} provider and its password (one of three ways). */
    interface Keystore {
        /**
         * The PKCS12 or JKS file. (`hibernate.ae.keystore.location`)
         */
        Optional<String> location();

        /**
         * `PKCS12` or `JKS`. Core's default: `PKCS12`. (`hibernate.ae.keystore.type`)
         */
        Optional<String> type();

        /**
         * The keystore password; give exactly one of `password`, `password-env` and `password-file`.
         * (`hibernate.ae.keystore.password`)
         */
        Optional<String> password();

        /**
         * The environment variable holding the keystore password. (`hibernate.ae.keystore.password_env`)
         */
        Optional<String> passwordEnv();

        /**
         * The file holding the keystore password. (`hibernate.ae.keystore.password_file`)
         */
        Optional<String> passwordFile();
    }

    /** The key lifecycle settings. */
    interface Lifecycle {
        /**
         * How often the key lifecycle tables are read (`10s`, `PT10S`, or a number of seconds); `0` reads them
         * once. Core's default: ten seconds. (`hibernate.ae.lifecycle.poll_interval`)
         */
        Optional<Duration> pollInterval();

        /**
         * The `table.column`s whose plaintext this application reads while an authenticated encryption in place
         * runs on them. (`hibernate.ae.lifecycle.encrypting_columns`)
         */
        Optional<List<String>> encryptingColumns();

        /**
         * The `table.column`s this application writes as plaintext once an authenticated decryption back is
         * announced. (`hibernate.ae.lifecycle.decrypting_columns`)
         */
        Optional<List<String>> decryptingColumns();
    }
}
