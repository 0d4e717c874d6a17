package dev.hibernateae.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The formats the base class owns, checked against the JDK's own RSA operations over an in-memory key. */
class RsaColumnMasterKeyProviderTest {
    private static KeyPair keyPair;

    @BeforeAll
    static void generateKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keyPair = generator.generateKeyPair();
    }

    @Test
    void metadataSignatureByDefaultIsSha256WithRsaOverTheMetadataAsAzureKeyVaultMakesIt() throws Exception {
        byte[] signature = new InMemoryProvider().signColumnMasterKeyMetadata("Key1", true);

        assertTrue(jdkVerify(metadata("TEST_STORE", "Key1", true), signature));
    }

    @Test
    void metadataSignatureInputOverrideDecidesWhatIsSigned() throws Exception {
        RsaColumnMasterKeyProvider hashingTwice = new InMemoryProvider() {
            @Override
            protected byte[] metadataSignatureInput(byte[] metadata) {
                return sha256(metadata);
            }
        };

        byte[] signature = hashingTwice.signColumnMasterKeyMetadata("Key1", true);

        assertTrue(jdkVerify(sha256(metadata("TEST_STORE", "Key1", true)), signature));
        assertFalse(jdkVerify(metadata("TEST_STORE", "Key1", true), signature));
        assertTrue(hashingTwice.verifyColumnMasterKeyMetadata("key1", true, signature));
        assertFalse(new InMemoryProvider().verifyColumnMasterKeyMetadata("key1", true, signature));
    }

    @Test
    void wrappedValueHasSqlServerLayoutWithLowerCasedPath() throws Exception {
        byte[] cek = new byte[32];
        Arrays.fill(cek, (byte) 7);

        byte[] value = new InMemoryProvider().wrapColumnEncryptionKey("CMK1", "RSA_OAEP", cek);

        assertEquals(525, value.length);
        assertArrayEquals(new byte[] {1, 8, 0, 0, 1}, Arrays.copyOf(value, 5));
        assertArrayEquals("cmk1".getBytes(StandardCharsets.UTF_16LE), Arrays.copyOfRange(value, 5, 13));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keyPair.getPublic());
        verifier.update(value, 0, 13 + 256);
        assertTrue(verifier.verify(Arrays.copyOfRange(value, 13 + 256, value.length)));
        assertArrayEquals(cek, new InMemoryProvider().unwrapColumnEncryptionKey("cmk1", "RSA_OAEP", value));
    }

    private static boolean jdkVerify(byte[] message, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keyPair.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static byte[] metadata(String provider, String path, boolean allowEnclaveComputations) {
        return (provider.toLowerCase() + path.toLowerCase() + allowEnclaveComputations)
                .getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A provider whose one key is the generated key pair, whatever the path. */
    private static class InMemoryProvider extends RsaColumnMasterKeyProvider {
        @Override
        public String name() {
            return "TEST_STORE";
        }

        @Override
        protected RsaMasterKey masterKey(String masterKeyPath) {
            return new RsaMasterKey() {
                @Override
                public int modulusLength() {
                    return (((RSAPublicKey) keyPair.getPublic()).getModulus().bitLength() + 7) / 8;
                }

                @Override
                public byte[] wrap(byte[] columnEncryptionKey) {
                    return rsa(Cipher.ENCRYPT_MODE, columnEncryptionKey);
                }

                @Override
                public byte[] unwrap(byte[] wrappedKey) {
                    return rsa(Cipher.DECRYPT_MODE, wrappedKey);
                }

                @Override
                public byte[] sign(byte[] message) {
                    try {
                        Signature signer = Signature.getInstance("SHA256withRSA");
                        signer.initSign(keyPair.getPrivate());
                        signer.update(message);
                        return signer.sign();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public boolean verify(byte[] message, byte[] signature) {
                    try {
                        return jdkVerify(message, signature);
                    } catch (GeneralSecurityException e) {
                        return false;
                    }
                }
            };
        }

        private static byte[] rsa(int mode, byte[] input) {
            try {
                Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
                cipher.init(mode, mode == Cipher.ENCRYPT_MODE ? keyPair.getPublic() : keyPair.getPrivate());
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
