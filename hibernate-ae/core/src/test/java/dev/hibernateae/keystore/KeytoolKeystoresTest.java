package dev.hibernateae.keystore;

import static dev.hibernateae.keystore.JavaKeyStoreFileErrorsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.sqlserver.jdbc.SQLServerColumnEncryptionJavaKeyStoreProvider;
import dev.hibernateae.api.ColumnMasterKeyException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keystores made with the JDK's keytool, as a user would: JKS, EC keys, certificate-only and secret-key aliases. */
class KeytoolKeystoresTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path directory;
    private static Path jks;
    private static Path ec;
    private static Path certificateOnly;
    private static Path secretKey;
    private static Path ownKeyPassword;

    @BeforeAll
    static void makeKeystoresWithKeytool() {
        jks = directory.resolve("cmk.jks");
        Keytool.generateRsaKeyPair(jks, "JKS", "JksCmk", PASSWORD);

        ec = directory.resolve("ec.p12");
        Keytool.run("-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "eccmk", "-dname", "CN=ec",
                "-validity", "365", "-keystore", ec.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);

        Path certificate = directory.resolve("cmk1.cer");
        Keytool.run("-exportcert", "-alias", "cmk1", "-keystore", AeVectors.keystore().toString(), "-storepass",
                new String(AeVectors.password()), "-file", certificate.toString());
        certificateOnly = directory.resolve("certificate-only.p12");
        Keytool.run("-importcert", "-noprompt", "-alias", "cmk1", "-file", certificate.toString(), "-keystore",
                certificateOnly.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);

        secretKey = directory.resolve("secret.p12");
        Keytool.run("-genseckey", "-keyalg", "AES", "-keysize", "256", "-alias", "aeskey", "-keystore",
                secretKey.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);

        ownKeyPassword = directory.resolve("own-key-password.jks");
        Keytool.run("-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "cmk", "-dname", "CN=cmk",
                "-validity", "365", "-keystore", ownKeyPassword.toString(), "-storetype", "JKS", "-storepass",
                PASSWORD, "-keypass", "another-password");
    }

    @Test
    void jksKeystoreWrapsAndUnwrapsAndMssqlJdbcAgrees() throws Exception {
        JavaKeyStoreProvider provider = new JavaKeyStoreProvider(jks, "JKS", PASSWORD.toCharArray());
        byte[] cek = new byte[32];
        new SecureRandom().nextBytes(cek);

        byte[] wrapped = provider.wrapColumnEncryptionKey("JKSCMK", "RSA_OAEP", cek);

        assertArrayEquals(cek, provider.unwrapColumnEncryptionKey("jkscmk", "RSA_OAEP", wrapped));
        assertArrayEquals(cek, new SQLServerColumnEncryptionJavaKeyStoreProvider(jks.toString(),
                PASSWORD.toCharArray()).decryptColumnEncryptionKey("jkscmk", "RSA_OAEP", wrapped));
    }

    @Test
    void ecKeyIsRefusedBecauseMasterKeysAreRsa() {
        JavaKeyStoreProvider provider = new JavaKeyStoreProvider(ec, "PKCS12", PASSWORD.toCharArray());

        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> provider.wrapColumnEncryptionKey("eccmk", "RSA_OAEP", new byte[32]));

        assertMessage(error, "'eccmk'", ec.toString(), "EC key", "must be RSA", "-keyalg RSA");
    }

    @Test
    void certificateOnlyAliasVerifiesSignatures() {
        JavaKeyStoreProvider provider = new JavaKeyStoreProvider(certificateOnly, "PKCS12", PASSWORD.toCharArray());
        AeVectors.CmkSignature vector = AeVectors.cmkSignatures().stream()
                .filter(signature -> signature.keyPath().equals("cmk1")).findFirst().orElseThrow();

        assertTrue(provider.verifyColumnMasterKeyMetadata("cmk1", true, vector.signature()));
        assertFalse(provider.verifyColumnMasterKeyMetadata("cmk1", false, vector.signature()));
    }

    @Test
    void certificateOnlyAliasCannotUnwrapAndSaysWhy() {
        JavaKeyStoreProvider provider = new JavaKeyStoreProvider(certificateOnly, "PKCS12", PASSWORD.toCharArray());

        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> provider.unwrapColumnEncryptionKey("cmk1", "RSA_OAEP",
                        AeVectors.wrappedKey("cmk1").encryptedValue()));

        assertMessage(error, "'cmk1'", certificateOnly.toString(), "only a certificate", "private key");
    }

    @Test
    void certificateOnlyAliasCannotSignOrWrap() {
        JavaKeyStoreProvider provider = new JavaKeyStoreProvider(certificateOnly, "PKCS12", PASSWORD.toCharArray());

        assertMessage(assertThrows(ColumnMasterKeyException.class,
                () -> provider.signColumnMasterKeyMetadata("cmk1", true)), "only a certificate", "signing");
        // The wrapped value carries a signature, so wrapping needs the private key too.
        assertMessage(assertThrows(ColumnMasterKeyException.class,
                () -> provider.wrapColumnEncryptionKey("cmk1", "RSA_OAEP", new byte[32])), "only a certificate");
    }

    @Test
    void secretKeyAliasIsRefused() {
        JavaKeyStoreProvider provider = new JavaKeyStoreProvider(secretKey, "PKCS12", PASSWORD.toCharArray());

        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> provider.signColumnMasterKeyMetadata("aeskey", true));

        assertMessage(error, "'aeskey'", "secret key, not an RSA key pair");
    }

    @Test
    void privateKeyWithItsOwnPasswordIsExplained() {
        JavaKeyStoreProvider provider = new JavaKeyStoreProvider(ownKeyPassword, "JKS", PASSWORD.toCharArray());

        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> provider.signColumnMasterKeyMetadata("cmk", true));

        assertMessage(error, "'cmk'", "cannot be recovered with the keystore password", "-keypasswd");
        assertFalse(error.getMessage().contains("another-password"));
    }
}
