package dev.hibernateae.azure;

import static dev.hibernateae.azure.AzureKeyVaultValueFormatTest.randomKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.ResourceNotFoundException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.azure.testing.LocalKeyVault;
import dev.hibernateae.azure.testing.LocalKeyVault.Operation;
import dev.hibernateae.azure.testing.TestCertificate;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import reactor.core.publisher.Mono;

/** Every failure is a ColumnMasterKeyException that names the key path and says what to do. */
class AzureKeyVaultFailureTest {
    static TestCertificate certificate;
    static LocalKeyVault vault;
    static String cmk;

    private AzureKeyVaultProvider provider;

    @BeforeAll
    static void startVault() {
        certificate = TestCertificate.shared();
        vault = LocalKeyVault.start(certificate);
        cmk = vault.createRsaKey("cmk", 2048);
    }

    @AfterAll
    static void stopVault() {
        vault.close();
    }

    @BeforeEach
    void freshProvider() {
        vault.clearFailures();
        vault.resetCalls();
        provider = vault.providerBuilder().build();
    }

    @Test
    void missingKeyIsReportedAsNotFoundWithItsPath() {
        String missing = vault.keyUrl("no-such-key");

        ColumnMasterKeyException e = failure(() -> provider.signColumnMasterKeyMetadata(missing, true));

        assertMessage(e, missing, "has no such key (HTTP 404)", "Check the key name and version");
        assertTrue(e.getCause() instanceof ResourceNotFoundException, String.valueOf(e.getCause()));
    }

    @Test
    void missingVersionIsReportedAsNotFound() {
        String missing = vault.keyUrl("cmk") + "/0123456789abcdef0123456789abcdef";

        assertMessage(failure(() -> provider.wrapColumnEncryptionKey(missing, "RSA_OAEP", randomKey())),
                missing, "HTTP 404");
    }

    @Test
    void forbiddenKeyNamesThePermissionToGrant() {
        vault.createRsaKey("locked", 2048);
        vault.denyAccess("locked");
        String locked = vault.keyUrl("locked");

        assertMessage(failure(() -> provider.wrapColumnEncryptionKey(locked, "RSA_OAEP", randomKey())),
                locked, "access was denied (HTTP 403)", "'get'", "Key Vault Crypto User");
    }

    @Test
    void unwrapRefusedByTheVaultNamesTheUnwrapPermission() throws Exception {
        byte[] value = provider.wrapColumnEncryptionKey(cmk, "RSA_OAEP", randomKey());
        vault.failWith(403, "Forbidden");

        assertMessage(failure(() -> provider.unwrapColumnEncryptionKey(cmk, "RSA_OAEP", value)),
                cmk, "could not unwrap a column encryption key with", "'unwrapKey'");
    }

    @Test
    void stoppedVaultIsReportedAsUnreachableAndUsedAgainOnceItIsBack() {
        String key = vault.createRsaKey("outage", 2048);
        vault.stop();
        try {
            ColumnMasterKeyException e = failure(() -> provider.wrapColumnEncryptionKey(key, "RSA_OAEP", randomKey()));
            assertMessage(e, key, "could not be reached", vault.vaultUrl(), "retry");
        } finally {
            vault.restart();
        }

        byte[] cek = randomKey();
        byte[] value = provider.wrapColumnEncryptionKey(key, "RSA_OAEP", cek);
        assertArrayEquals(cek, provider.unwrapColumnEncryptionKey(key, "RSA_OAEP", value),
                "the failure was not cached");
    }

    @Test
    void vaultGoingAwayAfterTheKeyWasReadFailsTheUnwrapClearly() {
        byte[] value = provider.wrapColumnEncryptionKey(cmk, "RSA_OAEP", randomKey());
        vault.stop();
        try {
            assertMessage(failure(() -> provider.unwrapColumnEncryptionKey(cmk, "RSA_OAEP", value)),
                    cmk, "could not unwrap", "could not be reached");
        } finally {
            vault.restart();
        }
    }

    @Test
    void vaultErrorsAskToRetryLater() {
        vault.failWith(503, "ServiceUnavailable");

        assertMessage(failure(() -> provider.signColumnMasterKeyMetadata(cmk, true)), cmk, "HTTP 503", "Retry later");
    }

    @Test
    void keyOnAnUntrustedHostIsRefusedWithoutARequest() {
        AzureKeyVaultProvider azureOnly = AzureKeyVaultProvider.builder().credential(vault.credential())
                .httpClient(vault.httpClient()).build();

        assertMessage(failure(() -> azureOnly.wrapColumnEncryptionKey(cmk, "RSA_OAEP", randomKey())),
                cmk, "host '127.0.0.1', which is not a trusted Azure Key Vault host", "vault.azure.net");
        assertEquals(0, vault.calls(Operation.CHALLENGE) + vault.calls(Operation.GET_KEY));
        assertTrue(vault.requestedScopes().stream().noneMatch(scope -> scope.contains("127.0.0.1")));
    }

    @Test
    void keyPathThatIsNotAKeyVaultUrlIsRefused() {
        String keystoreAlias = "cmk1";

        assertMessage(failure(() -> provider.wrapColumnEncryptionKey(keystoreAlias, "RSA_OAEP", randomKey())),
                keystoreAlias, "is not an Azure Key Vault key URL");
    }

    @Test
    void ellipticCurveKeyIsRefusedAsNotRsa() {
        String ec = vault.createEcKey("ec-key");

        assertMessage(failure(() -> provider.wrapColumnEncryptionKey(ec, "RSA_OAEP", randomKey())),
                ec, "its key type is EC", "RSA", "az keyvault key create --kty RSA");
    }

    @Test
    void disabledKeyIsRefused() {
        String disabled = vault.createRsaKey("disabled", 2048);
        vault.setKeyEnabled("disabled", false);
        try {
            assertMessage(failure(() -> provider.signColumnMasterKeyMetadata(disabled, true)),
                    disabled, "the key is disabled");
        } finally {
            vault.setKeyEnabled("disabled", true);
        }
    }

    @Test
    void keyIdentifierOnAnotherHostIsRefusedBeforeItIsUsed() {
        vault.reportKeyIdsUnder("https://attacker.example");

        assertMessage(failure(() -> provider.wrapColumnEncryptionKey(cmk, "RSA_OAEP", randomKey())),
                cmk, "https://attacker.example/keys/cmk/", "not a version of this key in this vault");
        assertEquals(0, vault.calls(Operation.WRAP_KEY));
    }

    @Test
    void credentialThatCannotGetATokenIsReported() {
        try (LocalKeyVault fresh = LocalKeyVault.start(certificate)) {
            String key = fresh.createRsaKey("cmk", 2048);
            TokenCredential noIdentity = request -> Mono.error(
                    new ClientAuthenticationException("ManagedIdentityCredential authentication unavailable", null));
            AzureKeyVaultProvider signedOut = fresh.providerBuilder().credential(noIdentity).build();

            assertMessage(failure(() -> signedOut.signColumnMasterKeyMetadata(key, true)),
                    key, "could not get an access token", "ManagedIdentityCredential");
        }
    }

    @Test
    void errorMessagesCarryNoKeyBytes() throws Exception {
        byte[] cek = randomKey();
        byte[] value = provider.wrapColumnEncryptionKey(cmk, "RSA_OAEP", cek);
        vault.failWith(500, "InternalError");

        ColumnMasterKeyException e = failure(() -> provider.unwrapColumnEncryptionKey(cmk, "RSA_OAEP", value));

        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            assertTrue(!message.contains(HexFormat.of().formatHex(cek))
                    && !message.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(cek))
                    && !message.contains(LocalKeyVault.TOKEN), "a message in the cause chain leaks a secret");
        }
    }

    @Test
    void builderNeedsACredentialOrAPipelineButNotBoth() {
        assertThrows(IllegalStateException.class, () -> AzureKeyVaultProvider.builder().build());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AzureKeyVaultProvider.builder()
                .credential(vault.credential())
                .pipeline(new com.azure.core.http.HttpPipelineBuilder().httpClient(vault.httpClient()).build())
                .build());
        assertTrue(e.getMessage().contains("either a pipeline or a credential"), e.getMessage());
    }

    private static ColumnMasterKeyException failure(Executable call) {
        return assertThrows(ColumnMasterKeyException.class, call);
    }

    private static void assertMessage(ColumnMasterKeyException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "expected '" + part + "' in: " + e.getMessage());
        }
    }
}
