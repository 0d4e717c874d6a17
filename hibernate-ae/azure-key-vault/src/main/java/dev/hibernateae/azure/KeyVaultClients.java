package dev.hibernateae.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.KeyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.CryptographyClientBuilder;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Builds the Azure clients from the provider's options: one {@link KeyClient} per vault (reads keys), one
 * {@link CryptographyClient} per key version (wrapKey, unwrapKey, sign). Both are thread-safe and cheap to hold.
 */
final class KeyVaultClients {
    /**
     * Never log HTTP bodies, whatever {@code AZURE_HTTP_LOG_DETAIL_LEVEL} says: an unwrapKey answer is a column
     * encryption key.
     */
    private static final HttpLogOptions NO_HTTP_LOGGING = new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE);

    private final TokenCredential credential;
    private final HttpClient httpClient;
    private final HttpPipeline pipeline;
    private final RetryOptions retryOptions;
    private final boolean challengeResourceVerification;
    private final ConcurrentMap<String, KeyClient> keyClients = new ConcurrentHashMap<>();

    KeyVaultClients(TokenCredential credential, HttpClient httpClient, HttpPipeline pipeline,
            RetryOptions retryOptions, boolean challengeResourceVerification) {
        this.credential = credential;
        this.httpClient = httpClient;
        this.pipeline = pipeline;
        this.retryOptions = retryOptions;
        this.challengeResourceVerification = challengeResourceVerification;
    }

    KeyClient keyClient(String vaultUrl) {
        return keyClients.computeIfAbsent(vaultUrl, this::newKeyClient);
    }

    /**
     * A client for one key version that always calls the vault: with key caching left on, the Azure client would read
     * the key a second time to wrap locally, and the provider has already read it.
     */
    CryptographyClient cryptographyClient(String keyId) {
        CryptographyClientBuilder builder = new CryptographyClientBuilder().keyIdentifier(keyId).disableKeyCaching();
        if (pipeline != null) {
            builder.pipeline(pipeline);
        } else {
            builder.credential(credential).httpLogOptions(NO_HTTP_LOGGING);
            if (httpClient != null) {
                builder.httpClient(httpClient);
            }
            if (retryOptions != null) {
                builder.retryOptions(retryOptions);
            }
            if (!challengeResourceVerification) {
                builder.disableChallengeResourceVerification();
            }
        }
        return builder.buildClient();
    }

    private KeyClient newKeyClient(String vaultUrl) {
        KeyClientBuilder builder = new KeyClientBuilder().vaultUrl(vaultUrl);
        if (pipeline != null) {
            builder.pipeline(pipeline);
        } else {
            builder.credential(credential).httpLogOptions(NO_HTTP_LOGGING);
            if (httpClient != null) {
                builder.httpClient(httpClient);
            }
            if (retryOptions != null) {
                builder.retryOptions(retryOptions);
            }
            if (!challengeResourceVerification) {
                builder.disableChallengeResourceVerification();
            }
        }
        return builder.buildClient();
    }
}
