package dev.hibernateae.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.HttpResponse;
import dev.hibernateae.api.ColumnMasterKeyException;

/**
 * Turns what the Azure client throws into a {@link ColumnMasterKeyException} that names the key path and says what to
 * do. Messages carry HTTP status codes and exception types, never request or response bodies (an unwrap answer
 * holds key bytes) nor tokens; the cause is kept for the stack trace.
 */
final class KeyVaultFailures {
    private static final String ROLE_HINT = " (the 'Key Vault Crypto User' role grants get, wrapKey, unwrapKey and"
            + " sign)";

    private KeyVaultFailures() {
    }

    static ColumnMasterKeyException translate(KeyVaultOperation operation, KeyVaultKeyUrl key, RuntimeException e) {
        String prefix = "Azure Key Vault could not " + operation.description() + " master key '" + key.path()
                + "' of provider " + AzureKeyVaultProvider.NAME + ": ";
        if (e instanceof ResourceNotFoundException) {
            return new ColumnMasterKeyException(prefix + "the vault has no such key (HTTP 404). Check the key name"
                    + " and version in the key path, and that the key was not deleted", e);
        }
        HttpResponse response = e instanceof HttpResponseException http ? http.getResponse() : null;
        if (e instanceof ClientAuthenticationException && response == null) {
            return new ColumnMasterKeyException(prefix + "the TokenCredential could not get an access token ("
                    + describe(e) + "). Check the credential's configuration (tenant, client id, managed identity)",
                    e);
        }
        if (response == null) {
            return new ColumnMasterKeyException(prefix + "the vault at " + key.vaultUrl() + " could not be reached "
                    + "or no access token could be obtained (" + describe(rootCause(e)) + "). Check the network "
                    + "path and firewall to the vault and the TokenCredential, then retry", e);
        }
        int status = response.getStatusCode();
        return switch (status) {
            case 401 -> new ColumnMasterKeyException(prefix + "the vault did not accept the access token (HTTP 401)."
                    + " Check that the TokenCredential signs in to the tenant of the vault", e);
            case 403 -> new ColumnMasterKeyException(prefix + "access was denied (HTTP 403). Grant the application's"
                    + " identity the key permission '" + operation.permission() + "'" + ROLE_HINT + ", check that "
                    + "the key is enabled and allows that operation, and check the vault's network rules", e);
            case 404 -> new ColumnMasterKeyException(prefix + "the vault has no such key (HTTP 404). Check the key "
                    + "name and version in the key path, and that the key was not deleted", e);
            case 429 -> new ColumnMasterKeyException(prefix + "the vault is throttling requests (HTTP 429). Retry "
                    + "later; column encryption keys are cached once unwrapped", e);
            default -> new ColumnMasterKeyException(prefix + "the vault answered HTTP " + status
                    + (status >= 500 ? ". Retry later"
                            : ". Check the key's type, enabled state and allowed operations"), e);
        };
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
