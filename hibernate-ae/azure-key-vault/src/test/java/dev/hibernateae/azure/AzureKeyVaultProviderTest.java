package dev.hibernateae.azure;

import static dev.hibernateae.azure.AzureKeyVaultValueFormatTest.randomKey;
import static dev.hibernateae.azure.AzureKeyVaultValueFormatTest.wrapWithJdk;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.azure.testing.LocalKeyVault;
import dev.hibernateae.azure.testing.LocalKeyVault.Operation;
import dev.hibernateae.azure.testing.TestCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AzureKeyVaultProviderTest {
    static TestCertificate certificate;
    static LocalKeyVault vault;
    static String cmk1;
    static String cmk2;

    private AzureKeyVaultProvider provider;

    @BeforeAll
    static void startVault() {
        certificate = TestCertificate.shared();
        vault = LocalKeyVault.start(certificate);
        cmk1 = vault.createRsaKey("cmk1", 2048);
        cmk2 = vault.createRsaKey("cmk2", 2048);
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
    void columnEncryptionKeyWrappedInTheVaultUnwrapsToTheSameBytes() {
        byte[] cek = randomKey();

        byte[] value = provider.wrapColumnEncryptionKey(cmk1, "RSA_OAEP", cek);

        assertArrayEquals(cek, provider.unwrapColumnEncryptionKey(cmk1, "RSA_OAEP", value));
        assertEquals("AZURE_KEY_VAULT", provider.name());
    }

    @Test
    void keyUrlWithoutVersionWrapsAndUnwrapsWithTheCurrentVersion() {
        String current = vault.keyUrl("cmk2");
        byte[] cek = randomKey();

        byte[] value = provider.wrapColumnEncryptionKey(current, "RSA_OAEP", cek);

        assertArrayEquals(cek, provider.unwrapColumnEncryptionKey(current, "RSA_OAEP", value));
        assertArrayEquals(cek, vault.providerBuilder().build().unwrapColumnEncryptionKey(current, "RSA_OAEP", value),
                "another provider (another process) unwraps it too");
    }

    @Test
    void keyUrlWithoutVersionStaysOnTheVersionReadFirstWhileANewOneIsCreated() throws Exception {
        vault.createRsaKey("rotating", 2048);
        String current = vault.keyUrl("rotating");
        byte[] cek = randomKey();
        byte[] value = provider.wrapColumnEncryptionKey(current, "RSA_OAEP", cek);

        vault.createRsaKey("rotating", 2048);

        assertArrayEquals(cek, provider.unwrapColumnEncryptionKey(current, "RSA_OAEP", value),
                "this provider keeps the version it read");
        ColumnMasterKeyException e = assertThrows(ColumnMasterKeyException.class,
                () -> vault.providerBuilder().build().unwrapColumnEncryptionKey(current, "RSA_OAEP", value));
        assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
        assertTrue(e.getMessage().contains(current), e.getMessage());
        byte[] jdkValue = wrapWithJdk(vault.keyPair(current), current, cek);
        assertArrayEquals(cek, vault.providerBuilder().build().unwrapColumnEncryptionKey(current, "RSA_OAEP", jdkValue),
                "a new provider reads the new current version");
    }

    @Test
    void masterKeyMetadataSignatureVerifiesOnlyForTheSamePathAndFlag() {
        byte[] signature = provider.signColumnMasterKeyMetadata(cmk1, true);

        assertTrue(provider.verifyColumnMasterKeyMetadata(cmk1, true, signature));
        assertTrue(vault.providerBuilder().build().verifyColumnMasterKeyMetadata(cmk1, true, signature));
        assertFalse(provider.verifyColumnMasterKeyMetadata(cmk1, false, signature));
        assertFalse(provider.verifyColumnMasterKeyMetadata(vault.keyUrl("cmk1"), true, signature));
        assertFalse(provider.verifyColumnMasterKeyMetadata(cmk2, true, signature));
    }

    @Test
    void tamperedValueIsRefusedBeforeTheVaultIsAskedToUnwrapIt() {
        byte[] value = provider.wrapColumnEncryptionKey(cmk1, "RSA_OAEP", randomKey());
        int[] positions = {5 + 10, value.length - 300, value.length - 1};  // key path, ciphertext, signature
        for (int position : positions) {
            byte[] tampered = value.clone();
            tampered[position] ^= 0x01;

            ColumnMasterKeyException e = assertThrows(ColumnMasterKeyException.class,
                    () -> provider.unwrapColumnEncryptionKey(cmk1, "RSA_OAEP", tampered));
            assertTrue(e.getMessage().contains("does not verify under master key '" + cmk1 + "'"), e.getMessage());
        }
        assertEquals(0, vault.calls(Operation.UNWRAP_KEY));
    }

    @Test
    void valueWrappedUnderAnotherKeyIsRefused() {
        byte[] value = provider.wrapColumnEncryptionKey(cmk1, "RSA_OAEP", randomKey());

        ColumnMasterKeyException e = assertThrows(ColumnMasterKeyException.class,
                () -> provider.unwrapColumnEncryptionKey(cmk2, "RSA_OAEP", value));
        assertTrue(e.getMessage().contains(cmk2), e.getMessage());
        assertEquals(0, vault.calls(Operation.UNWRAP_KEY));
    }

    @Test
    void keyIsReadOncePerKeyUrlAndSignaturesAreVerifiedWithoutTheVault() {
        byte[] value = provider.wrapColumnEncryptionKey(cmk1, "RSA_OAEP", randomKey());
        for (int i = 0; i < 3; i++) {
            provider.unwrapColumnEncryptionKey(cmk1, "RSA_OAEP", value);
        }
        provider.verifyColumnMasterKeyMetadata(cmk1, true, provider.signColumnMasterKeyMetadata(cmk1, true));
        provider.wrapColumnEncryptionKey(vault.keyUrl("cmk1"), "RSA_OAEP", randomKey());

        assertEquals(2, vault.calls(Operation.GET_KEY), "one read for the versioned URL, one for the other URL");
        assertEquals(2, vault.calls(Operation.WRAP_KEY));
        assertEquals(3, vault.calls(Operation.UNWRAP_KEY));
        assertEquals(3, vault.calls(Operation.SIGN), "two wrapped values and one metadata signature");
        assertEquals(0, vault.calls(Operation.VERIFY));
    }

    @Test
    void threadsUsingANewKeyTogetherReadItOnce() throws Exception {
        byte[] value = wrapWithJdk(vault.keyPair(cmk2), cmk2, randomKey());
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return provider.unwrapColumnEncryptionKey(cmk2, "RSA_OAEP", value);
                }));
            }
            start.countDown();
            for (Future<byte[]> result : results) {
                assertEquals(32, result.get(30, TimeUnit.SECONDS).length);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, vault.calls(Operation.GET_KEY));
        assertEquals(threads, vault.calls(Operation.UNWRAP_KEY));
    }

    @Test
    void firstRequestToAVaultIsChallengedAndTheCredentialAskedForTheKeyVaultScope() {
        try (LocalKeyVault fresh = LocalKeyVault.start(certificate)) {
            String key = fresh.createRsaKey("challenged", 2048);

            fresh.providerBuilder().build().wrapColumnEncryptionKey(key, "RSA_OAEP", randomKey());

            assertEquals(1, fresh.calls(Operation.CHALLENGE), "the challenge is remembered per vault");
            assertEquals(1, fresh.calls(Operation.GET_KEY));
            assertTrue(fresh.requestedScopes().stream().allMatch("https://vault.azure.net/.default"::equals),
                    fresh.requestedScopes().toString());
            assertFalse(fresh.requestedScopes().isEmpty());
        }
    }
}
