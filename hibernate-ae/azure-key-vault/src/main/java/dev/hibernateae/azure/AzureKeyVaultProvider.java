package dev.hibernateae.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.RetryOptions;
import dev.hibernateae.spi.RsaColumnMasterKeyProvider;
import dev.hibernateae.spi.RsaMasterKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Column master keys in Azure Key Vault or Managed HSM: SQL Server's {@code AZURE_KEY_VAULT} provider. The key path is
 * the key's URL, {@code https://<vault>.vault.azure.net/keys/<name>} or {@code .../keys/<name>/<version>}, and the
 * values are those of mssql-jdbc's {@code SQLServerColumnEncryptionAzureKeyVaultProvider}: a column encryption key
 * wrapped here unwraps there and back.
 *
 * <p>How it uses the vault: the key (public part) is read once per key path and kept for the provider's lifetime,
 * pinned to the version the vault named then; wrapKey ({@code RSA-OAEP}), unwrapKey and sign ({@code RS256} over a
 * SHA-256 digest computed locally) run in the vault; signatures are verified locally with the public key. The
 * application's identity needs the key permissions get, wrapKey, unwrapKey and sign (role "Key Vault Crypto User");
 * reading only, unwrapKey and get suffice. Prefer versioned key paths: a path without a version follows the key's
 * current version at the time it is first read, so after a key rotation a new process cannot unwrap the values that
 * the old version wrapped.
 *
 * <p>Credentials: pass any {@link TokenCredential}. For {@code DefaultAzureCredential} (managed identity, workload
 * identity, environment, Azure CLI) add {@code com.azure:azure-identity} to the application and pass
 * {@code new DefaultAzureCredentialBuilder().build()}; this module does not depend on it.
 *
 * <pre>{@code
 * AzureKeyVaultProvider provider = AzureKeyVaultProvider.builder()
 *         .credential(new DefaultAzureCredentialBuilder().build())
 *         .build();
 * }</pre>
 *
 * <p>Key paths come from the database, so they are checked against the trusted vault hosts
 * ({@link #DEFAULT_TRUSTED_HOSTS} unless {@link Builder#trustedHosts(Collection)} says otherwise) before any request
 * is sent. Thread-safe; failures are {@link dev.hibernateae.api.ColumnMasterKeyException}s that name the key path, and
 * a failure is not cached (the next call asks the vault again).
 */
public final class AzureKeyVaultProvider extends RsaColumnMasterKeyProvider {
    /** The provider name stored with each column master key, as in SQL Server. */
    public static final String NAME = "AZURE_KEY_VAULT";

    /** Azure Key Vault and Managed HSM hosts in the public and sovereign clouds, as mssql-jdbc trusts them. */
    public static final List<String> DEFAULT_TRUSTED_HOSTS = List.of(
            "vault.azure.net", "vault.azure.cn", "vault.usgovcloudapi.net", "vault.microsoftazure.de",
            "vault.sovcloud-api.fr", "vault.sovcloud-api.de",
            "managedhsm.azure.net", "managedhsm.azure.cn", "managedhsm.usgovcloudapi.net",
            "managedhsm.microsoftazure.de", "managedhsm.sovcloud-api.fr", "managedhsm.sovcloud-api.de");

    private final TrustedVaultHosts trustedHosts;
    private final KeyVaultKeyReader reader;
    private final ConcurrentMap<String, CachedKey> keys = new ConcurrentHashMap<>();

    private AzureKeyVaultProvider(Builder builder) {
        this.trustedHosts = new TrustedVaultHosts(builder.trustedHosts);
        this.reader = new KeyVaultKeyReader(new KeyVaultClients(builder.credential, builder.httpClient,
                builder.pipeline, builder.retryOptions, builder.challengeResourceVerification));
    }

    /** A provider that signs in with {@code credential} and trusts {@link #DEFAULT_TRUSTED_HOSTS}. */
    public static AzureKeyVaultProvider create(TokenCredential credential) {
        return builder().credential(credential).build();
    }

    /** Options for a provider; a credential (or a complete pipeline) is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The trusted vault hosts, lower-cased; a key path's host must be one of them or a subdomain of one. */
    public List<String> trustedHosts() {
        return trustedHosts.hosts();
    }

    @Override
    protected RsaMasterKey masterKey(String masterKeyPath) {
        CachedKey cached = keys.get(masterKeyPath);
        if (cached == null) {
            // Validate before caching, so that an untrusted or malformed path never reaches the map or the network.
            KeyVaultKeyUrl key = KeyVaultKeyUrl.parse(masterKeyPath);
            trustedHosts.requireTrusted(key);
            cached = keys.computeIfAbsent(masterKeyPath, path -> new CachedKey(key));
        }
        return cached.get(reader);
    }

    @Override
    public String toString() {
        return "AzureKeyVaultProvider[trustedHosts=" + trustedHosts.hosts() + ", keys=" + keys.size() + "]";
    }

    /** One key path's master key, read on first use by one thread while others wait; a failed read is retried. */
    private static final class CachedKey {
        private final KeyVaultKeyUrl key;
        private volatile KeyVaultMasterKey masterKey;

        CachedKey(KeyVaultKeyUrl key) {
            this.key = key;
        }

        KeyVaultMasterKey get(KeyVaultKeyReader reader) {
            KeyVaultMasterKey read = masterKey;
            if (read == null) {
                synchronized (this) {
                    read = masterKey;
                    if (read == null) {
                        read = reader.read(key);
                        masterKey = read;
                    }
                }
            }
            return read;
        }
    }

    /** Options of an {@link AzureKeyVaultProvider}. A credential or a pipeline is required. */
    public static final class Builder {
        private TokenCredential credential;
        private HttpClient httpClient;
        private HttpPipeline pipeline;
        private RetryOptions retryOptions;
        private Collection<String> trustedHosts = DEFAULT_TRUSTED_HOSTS;
        private boolean challengeResourceVerification = true;

        private Builder() {
        }

        /** How to get access tokens for Key Vault, such as azure-identity's DefaultAzureCredential. */
        public Builder credential(TokenCredential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /**
         * The HTTP client to use (proxy, TLS, timeouts). Default: the one found on the class path, the JDK client of
         * {@code azure-core-http-jdk-httpclient} that this module brings.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * A complete pipeline instead of {@link #credential}, {@link #httpClient} and {@link #retryOptions}: it must
         * authenticate to Key Vault itself, and it should not log HTTP bodies (an unwrapKey answer is a key).
         */
        public Builder pipeline(HttpPipeline pipeline) {
            this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
            return this;
        }

        /** Retries of failed requests. Default: azure-core's (exponential back-off, three retries). */
        public Builder retryOptions(RetryOptions retryOptions) {
            this.retryOptions = Objects.requireNonNull(retryOptions, "retryOptions");
            return this;
        }

        /**
         * The vault hosts key paths may point at, replacing {@link #DEFAULT_TRUSTED_HOSTS}; a key path's host must
         * equal one or be a subdomain of one. To add a host, pass the defaults and yours.
         */
        public Builder trustedHosts(Collection<String> hosts) {
            this.trustedHosts = List.copyOf(hosts);
            return this;
        }

        /** See {@link #trustedHosts(Collection)}. */
        public Builder trustedHosts(String... hosts) {
            return trustedHosts(Arrays.asList(hosts));
        }

        /**
         * For test endpoints only (such as one on 127.0.0.1): accept a bearer challenge whose resource is not a parent
         * domain of the vault's host. In production the check stops a look-alike host from getting tokens for
         * Key Vault.
         */
        public Builder disableChallengeResourceVerification() {
            this.challengeResourceVerification = false;
            return this;
        }

        /** The provider; no request is sent until a key path is first used. */
        public AzureKeyVaultProvider build() {
            if (pipeline != null && (credential != null || httpClient != null || retryOptions != null)) {
                throw new IllegalStateException("Provider " + NAME + ": give either a pipeline or a credential "
                        + "(with an optional HTTP client and retry options), not both; the pipeline would ignore them");
            }
            if (pipeline == null && credential == null) {
                throw new IllegalStateException("Provider " + NAME + " needs a TokenCredential, such as "
                        + "new DefaultAzureCredentialBuilder().build() from com.azure:azure-identity");
            }
            return new AzureKeyVaultProvider(this);
        }
    }
}
