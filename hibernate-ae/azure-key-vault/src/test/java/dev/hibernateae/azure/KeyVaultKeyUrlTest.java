package dev.hibernateae.azure;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.ColumnMasterKeyException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyVaultKeyUrlTest {

    @Test
    void readsVaultNameAndVersionFromAVersionedKeyUrl() {
        KeyVaultKeyUrl key = KeyVaultKeyUrl.parse(
                "https://Contoso.vault.azure.net/keys/CMK-1/0123456789abcdef0123456789ABCDEF");
        assertAll(
                () -> assertEquals("https://contoso.vault.azure.net", key.vaultUrl()),
                () -> assertEquals("contoso.vault.azure.net", key.host()),
                () -> assertEquals("CMK-1", key.name()),
                () -> assertEquals("0123456789abcdef0123456789ABCDEF", key.version()));
    }

    @Test
    void keyUrlWithoutVersionMeansTheCurrentVersionAndKeepsThePort() {
        KeyVaultKeyUrl key = KeyVaultKeyUrl.parse("https://127.0.0.1:8443/keys/cmk1");
        assertEquals("https://127.0.0.1:8443", key.vaultUrl());
        assertEquals("cmk1", key.name());
        assertNull(key.version());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "cmk1",                                                       // a keystore alias, not a URL
            "http://contoso.vault.azure.net/keys/cmk1",                   // not https
            "https://contoso.vault.azure.net/secrets/cmk1",               // a secret, not a key
            "https://contoso.vault.azure.net/keys/",                      // no key name
            "https://contoso.vault.azure.net/keys/cmk1/v1/extra",         // too deep
            "https://contoso.vault.azure.net/keys/cmk_1",                 // not a Key Vault key name
            "https://contoso.vault.azure.net/keys/cmk1?api-version=7.4",  // a query
            "https://user@contoso.vault.azure.net/keys/cmk1",             // user information
            "https:///keys/cmk1",                                         // no host
            "https://contoso.vault.azure.net/keys/cmk 1"})                // not a URL at all
    void refusesAPathThatIsNotAKeyVaultKeyUrlAndSaysWhatIsExpected(String path) {
        ColumnMasterKeyException e = assertThrows(ColumnMasterKeyException.class, () -> KeyVaultKeyUrl.parse(path));
        assertTrue(e.getMessage().contains("'" + path + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("AZURE_KEY_VAULT"), e.getMessage());
        assertTrue(e.getMessage().contains("https://<vault-name>.vault.azure.net/keys/<key-name>"), e.getMessage());
    }

    @Test
    void keyIdentifierMustBeAVersionOfTheSameKeyInTheSameVault() {
        KeyVaultKeyUrl current = KeyVaultKeyUrl.parse("https://contoso.vault.azure.net/keys/cmk1");
        KeyVaultKeyUrl pinned = KeyVaultKeyUrl.parse("https://contoso.vault.azure.net/keys/cmk1/aaaa");
        assertAll(
                () -> assertTrue(current.isIdentifiedBy("https://contoso.vault.azure.net/keys/CMK1/bbbb")),
                () -> assertTrue(pinned.isIdentifiedBy("https://contoso.vault.azure.net/keys/cmk1/AAAA")),
                () -> assertFalse(pinned.isIdentifiedBy("https://contoso.vault.azure.net/keys/cmk1/bbbb")),
                () -> assertFalse(current.isIdentifiedBy("https://contoso.vault.azure.net/keys/cmk1")),
                () -> assertFalse(current.isIdentifiedBy("https://evil.example/keys/cmk1/bbbb")),
                () -> assertFalse(current.isIdentifiedBy("https://contoso.vault.azure.net:444/keys/cmk1/bbbb")),
                () -> assertFalse(current.isIdentifiedBy("https://contoso.vault.azure.net/keys/cmk2/bbbb")),
                () -> assertFalse(current.isIdentifiedBy("not a url")));
    }

    @Test
    void trustsAHostOnlyWhenItIsATrustedHostOrOneOfItsSubdomains() {
        TrustedVaultHosts trusted = new TrustedVaultHosts(AzureKeyVaultProvider.DEFAULT_TRUSTED_HOSTS);
        trusted.requireTrusted(KeyVaultKeyUrl.parse("https://contoso.vault.azure.net/keys/cmk1"));
        trusted.requireTrusted(KeyVaultKeyUrl.parse("https://contoso.managedhsm.azure.net/keys/cmk1"));
        for (String untrusted : List.of("https://contosovault.azure.net/keys/cmk1",
                "https://contoso.vault.azure.net.evil.example/keys/cmk1", "https://127.0.0.1/keys/cmk1")) {
            ColumnMasterKeyException e = assertThrows(ColumnMasterKeyException.class,
                    () -> trusted.requireTrusted(KeyVaultKeyUrl.parse(untrusted)), untrusted);
            assertTrue(e.getMessage().contains("not a trusted Azure Key Vault host"), e.getMessage());
            assertTrue(e.getMessage().contains("trustedHosts("), e.getMessage());
        }
    }

    @Test
    void aTrustedHostIsAHostNameWithoutSchemeOrPath() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedVaultHosts(List.of("https://vault.azure.net")));
        assertThrows(IllegalArgumentException.class, () -> new TrustedVaultHosts(List.of("vault.azure.net/keys")));
        assertThrows(IllegalArgumentException.class, () -> new TrustedVaultHosts(List.of()));
        assertEquals(List.of("vault.example"), new TrustedVaultHosts(List.of(".Vault.Example")).hosts());
    }
}
