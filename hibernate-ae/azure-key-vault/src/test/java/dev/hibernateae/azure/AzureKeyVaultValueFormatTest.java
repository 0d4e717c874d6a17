package dev.hibernateae.azure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.azure.testing.LocalKeyVault;
import dev.hibernateae.azure.testing.TestCertificate;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Cipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The values are SQL Server's (FACTS §2), checked independently of the provider with plain JDK crypto and the local
 * vault's key pairs: {@code 0x01 | keyPathLength | ciphertextLength | keyPath | RSA-OAEP(CEK) | SHA256withRSA}.
 */
class AzureKeyVaultValueFormatTest {
    private static final String OAEP = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";

    @TempDir
    static java.nio.file.Path certificateDirectory;
    static LocalKeyVault vault;
    static String cmk;
    static String cmk3072;

    private final AzureKeyVaultProvider provider = vault.providerBuilder().build();

    @BeforeAll
    static void startVault() {
        vault = LocalKeyVault.start(TestCertificate.create(certificateDirectory));
        cmk = vault.createRsaKey("Format-CMK", 2048);
        cmk3072 = vault.createRsaKey("format-cmk-3072", 3072);
    }

    @AfterAll
    static void stopVault() {
        vault.close();
    }

    @Test
    void wrappedValueHasSqlServersLayoutWithTheLowerCasedKeyUrl() {
        byte[] value = provider.wrapColumnEncryptionKey(cmk, "RSA_OAEP", randomKey());

        byte[] path = cmk.toLowerCase(Locale.ENGLISH).getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer header = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1 + 2 + 2 + 2 * cmk.length() + 256 + 256, value.length);
        assertEquals(0x01, value[0]);
        assertEquals(path.length, Short.toUnsignedInt(header.getShort(1)));
        assertEquals(256, Short.toUnsignedInt(header.getShort(3)));
        assertArrayEquals(path, Arrays.copyOfRange(value, 5, 5 + path.length));
    }

    @Test
    void wrappedValueVerifiesAndDecryptsWithPlainJdkCrypto() throws GeneralSecurityException {
        byte[] cek = randomKey();
        byte[] value = provider.wrapColumnEncryptionKey(cmk, "RSA_OAEP", cek);

        KeyPair pair = vault.keyPair(cmk);
        int signed = value.length - 256;
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pair.getPublic());
        verifier.update(value, 0, signed);
        assertTrue(verifier.verify(value, signed, 256), "signature over every byte before it");

        int pathLength = 2 * cmk.length();
        Cipher oaep = Cipher.getInstance(OAEP);
        oaep.init(Cipher.DECRYPT_MODE, pair.getPrivate());
        assertArrayEquals(cek, oaep.doFinal(value, 5 + pathLength, 256));
    }

    @Test
    void valueMadeWithPlainJdkCryptoUnwrapsThroughTheProvider() throws GeneralSecurityException {
        byte[] cek = randomKey();
        byte[] value = wrapWithJdk(vault.keyPair(cmk3072), cmk3072, cek);

        assertEquals(5 + 2 * cmk3072.length() + 384 + 384, value.length);
        assertArrayEquals(cek, provider.unwrapColumnEncryptionKey(cmk3072, "RSA_OAEP", value));
    }

    @Test
    void masterKeyMetadataSignatureIsSha256WithRsaOverProviderPathAndFlag() throws GeneralSecurityException {
        byte[] signature = provider.signColumnMasterKeyMetadata(cmk, true);

        byte[] metadata = ("azure_key_vault" + cmk.toLowerCase(Locale.ENGLISH) + "true")
                .getBytes(StandardCharsets.UTF_16LE);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(vault.keyPair(cmk).getPublic());
        verifier.update(metadata);
        assertTrue(verifier.verify(signature));
    }

    /** What SQL Server's drivers write, built here without the provider. */
    static byte[] wrapWithJdk(KeyPair pair, String keyPath, byte[] cek) throws GeneralSecurityException {
        Cipher oaep = Cipher.getInstance(OAEP);
        oaep.init(Cipher.ENCRYPT_MODE, pair.getPublic());
        byte[] ciphertext = oaep.doFinal(cek);
        byte[] path = keyPath.toLowerCase(Locale.ENGLISH).getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer signed = ByteBuffer.allocate(5 + path.length + ciphertext.length).order(ByteOrder.LITTLE_ENDIAN);
        signed.put((byte) 1).putShort((short) path.length).putShort((short) ciphertext.length)
                .put(path).put(ciphertext);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(signed.array());
        byte[] signature = signer.sign();
        byte[] value = Arrays.copyOf(signed.array(), signed.capacity() + signature.length);
        System.arraycopy(signature, 0, value, signed.capacity(), signature.length);
        return value;
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
