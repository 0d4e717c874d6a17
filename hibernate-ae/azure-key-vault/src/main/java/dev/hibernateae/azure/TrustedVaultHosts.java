package dev.hibernateae.azure;

import dev.hibernateae.api.ColumnMasterKeyException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The vault hosts a key path may point at. A column master key path comes from the database, so whoever can write
 * the key metadata could otherwise send this application's Key Vault access token, and the wrapped column
 * encryption key, to a host of their choosing (mssql-jdbc guards the same way with its trusted endpoints).
 */
final class TrustedVaultHosts {
    private final List<String> hosts;

    TrustedVaultHosts(Collection<String> hosts) {
        this.hosts = hosts.stream().map(TrustedVaultHosts::normalized).toList();
        if (this.hosts.isEmpty()) {
            throw new IllegalArgumentException("Provider " + AzureKeyVaultProvider.NAME
                    + " needs at least one trusted vault host, such as vault.azure.net");
        }
    }

    /** Refuses a key URL whose host is neither a trusted host nor a subdomain of one. */
    void requireTrusted(KeyVaultKeyUrl key) {
        for (String trusted : hosts) {
            if (key.host().equals(trusted) || key.host().endsWith("." + trusted)) {
                return;
            }
        }
        throw new ColumnMasterKeyException("Master key path '" + key.path() + "' of provider "
                + AzureKeyVaultProvider.NAME + " points at host '" + key.host() + "', which is not a trusted Azure "
                + "Key Vault host (trusted: " + String.join(", ", hosts) + "). If this is your vault, add its host "
                + "with AzureKeyVaultProvider.builder().trustedHosts(...); otherwise the key metadata in the "
                + "database was changed and must be checked");
    }

    List<String> hosts() {
        return hosts;
    }

    private static String normalized(String host) {
        if (host == null || host.isBlank() || host.contains("/") || host.contains(":") && !host.startsWith("[")) {
            throw new IllegalArgumentException("A trusted vault host is a host name such as vault.azure.net, "
                    + "without scheme, port or path; got '" + host + "'");
        }
        String trimmed = host.trim().toLowerCase(Locale.ENGLISH);
        return trimmed.startsWith(".") ? trimmed.substring(1) : trimmed;
    }
}
