package dev.hibernateae.azure;

import dev.hibernateae.api.ColumnMasterKeyException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A master key path read as an Azure Key Vault key URL, {@code https://<vault host>[:port]/keys/<name>[/<version>]}:
 * the form {@code az keyvault key show --query key.kid} prints and SQL Server's {@code AZURE_KEY_VAULT} provider
 * stores.
 *
 * @param path the key path as given
 * @param vaultUrl {@code https://host[:port]}, where the key's vault answers
 * @param host the vault's host name, lower-cased
 * @param name the key's name
 * @param version the key's version, or {@code null} for "the current version"
 */
record KeyVaultKeyUrl(String path, String vaultUrl, String host, String name, String version) {
    /** Key Vault key names: 1 to 127 letters, digits and dashes; versions are letters and digits (32 hex digits). */
    private static final Pattern KEY_PATH = Pattern.compile("/keys/([0-9A-Za-z-]{1,127})(?:/([0-9A-Za-z]{1,64}))?");
    static final String EXPECTED_FORM = "https://<vault-name>.vault.azure.net/keys/<key-name>[/<key-version>]"
            + " (the key identifier that 'az keyvault key show --query key.kid' prints)";

    static KeyVaultKeyUrl parse(String masterKeyPath) {
        URI uri;
        try {
            uri = new URI(masterKeyPath);
        } catch (URISyntaxException e) {
            throw notAKeyUrl(masterKeyPath, "it is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw notAKeyUrl(masterKeyPath, "it does not start with https://");
        }
        if (uri.getHost() == null) {
            throw notAKeyUrl(masterKeyPath, "it names no host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw notAKeyUrl(masterKeyPath, "it carries user information, a query or a fragment");
        }
        Matcher keyPath = KEY_PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (!keyPath.matches()) {
            throw notAKeyUrl(masterKeyPath, "its path is not /keys/<key-name> or /keys/<key-name>/<key-version>");
        }
        String host = uri.getHost().toLowerCase(Locale.ENGLISH);
        String vaultUrl = "https://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        return new KeyVaultKeyUrl(masterKeyPath, vaultUrl, host, keyPath.group(1), keyPath.group(2));
    }

    /**
     * Whether {@code keyId}, the identifier the vault answered with, is a version of this key in this vault. A vault
     * that answers with another host must not receive the next request (and its access token).
     */
    boolean isIdentifiedBy(String keyId) {
        KeyVaultKeyUrl other;
        try {
            other = parse(keyId);
        } catch (ColumnMasterKeyException e) {
            return false;
        }
        return other.version != null
                && other.vaultUrl.equals(vaultUrl)
                && other.name.equalsIgnoreCase(name)
                && (version == null || other.version.equalsIgnoreCase(version));
    }

    private static ColumnMasterKeyException notAKeyUrl(String masterKeyPath, String why) {
        return new ColumnMasterKeyException("Master key path '" + masterKeyPath + "' of provider "
                + AzureKeyVaultProvider.NAME + " is not an Azure Key Vault key URL: " + why + ". Expected "
                + EXPECTED_FORM);
    }
}
