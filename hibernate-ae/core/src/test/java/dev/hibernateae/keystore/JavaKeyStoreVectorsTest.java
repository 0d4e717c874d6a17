package dev.hibernateae.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.keystore.AeVectors.CmkSignature;
import dev.hibernateae.keystore.AeVectors.WrappedKey;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider against what mssql-jdbc's Java KeyStore provider wrote with the same keystore. */
class JavaKeyStoreVectorsTest {
    private static JavaKeyStoreProvider provider;

    @BeforeAll
    static void openVectorKeystore() {
        provider = new JavaKeyStoreProvider(AeVectors.keystore(), "PKCS12", AeVectors.password());
    }

    @Test
    void providerNameIsTheOneMicrosoftStores() {
        assertEquals(AeVectors.providerName(), provider.name());
    }

    @Test
    void unwrapsEveryMicrosoftWrappedKeyToItsCek() {
        int unwrapped = 0;
        for (WrappedKey vector : AeVectors.wrappedKeys()) {
            byte[] cek = provider.unwrapColumnEncryptionKey(vector.keyPath(), vector.algorithm(),
                    vector.encryptedValue());
            assertArrayEquals(vector.cek(), cek, "vector for key path " + vector.keyPath());
            unwrapped++;
        }
        assertEquals(6, unwrapped);
    }

    @Test
    void verifiesMicrosoftMetadataSignatures() {
        for (CmkSignature vector : AeVectors.cmkSignatures()) {
            assertTrue(provider.verifyColumnMasterKeyMetadata(vector.keyPath(), vector.allowEnclaveComputations(),
                    vector.signature()), vector.keyPath());
        }
    }

    @Test
    void metadataSignatureVerifiesWhateverTheCaseOfThePath() {
        CmkSignature vector = AeVectors.cmkSignatures().get(0);

        assertTrue(provider.verifyColumnMasterKeyMetadata(vector.keyPath().toUpperCase(Locale.ROOT),
                vector.allowEnclaveComputations(), vector.signature()));
    }

    @Test
    void ourMetadataSignatureIsTheOneMicrosoftMade() {
        // PKCS#1 v1.5 signatures are deterministic, so the same key and metadata give the same bytes.
        for (CmkSignature vector : AeVectors.cmkSignatures()) {
            assertArrayEquals(vector.signature(),
                    provider.signColumnMasterKeyMetadata(vector.keyPath(), vector.allowEnclaveComputations()));
        }
    }

    @Test
    void metadataSignatureFailsWhenTheEnclaveFlagIsFlipped() {
        for (CmkSignature vector : AeVectors.cmkSignatures()) {
            assertFalse(provider.verifyColumnMasterKeyMetadata(vector.keyPath(), !vector.allowEnclaveComputations(),
                    vector.signature()), vector.keyPath());
        }
    }

    @Test
    void metadataSignatureFailsForAnotherPath() {
        CmkSignature cmk1 = signature("cmk1");

        assertFalse(provider.verifyColumnMasterKeyMetadata("cmk2", cmk1.allowEnclaveComputations(), cmk1.signature()));
    }

    @Test
    void metadataSignatureFailsWhenOneBitChanges() {
        CmkSignature vector = signature("cmk1");
        byte[] altered = vector.signature().clone();
        altered[altered.length / 2] ^= 0x01;

        assertFalse(provider.verifyColumnMasterKeyMetadata("cmk1", vector.allowEnclaveComputations(), altered));
    }

    @Test
    void metadataSignatureOfTheWrongLengthIsNotValid() {
        assertFalse(provider.verifyColumnMasterKeyMetadata("cmk1", true, new byte[3]));
        assertFalse(provider.verifyColumnMasterKeyMetadata("cmk1", true, null));
    }

    private static CmkSignature signature(String keyPath) {
        return AeVectors.cmkSignatures().stream().filter(s -> s.keyPath().equals(keyPath)).findFirst().orElseThrow();
    }
}
