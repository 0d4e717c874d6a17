package dev.hibernateae.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.sqlserver.jdbc.SQLServerColumnEncryptionJavaKeyStoreProvider;
import com.microsoft.sqlserver.jdbc.SQLServerException;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Values made by one side are read by the other: mssql-jdbc's public Java KeyStore provider and ours. */
class JavaKeyStoreMssqlJdbcInteropTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static JavaKeyStoreProvider ours;
    private static SQLServerColumnEncryptionJavaKeyStoreProvider theirs;

    @BeforeAll
    static void openBothOnTheVectorKeystore() throws SQLServerException {
        ours = new JavaKeyStoreProvider(AeVectors.keystore(), "PKCS12", AeVectors.password());
        theirs = new SQLServerColumnEncryptionJavaKeyStoreProvider(AeVectors.keystore().toString(),
                AeVectors.password());
    }

    @Test
    void mssqlJdbcUnwrapsWhatWeWrap() throws SQLServerException {
        for (String path : new String[] {"cmk1", "CMK1", "cmk2"}) {
            byte[] cek = randomCek();
            byte[] wrapped = ours.wrapColumnEncryptionKey(path, "RSA_OAEP", cek);

            assertArrayEquals(cek, theirs.decryptColumnEncryptionKey(path, "RSA_OAEP", wrapped), path);
        }
    }

    @Test
    void weUnwrapWhatMssqlJdbcWraps() throws SQLServerException {
        for (String path : new String[] {"cmk1", "CMK1", "cmk2"}) {
            byte[] cek = randomCek();
            byte[] wrapped = theirs.encryptColumnEncryptionKey(path, "RSA_OAEP", cek);

            assertArrayEquals(cek, ours.unwrapColumnEncryptionKey(path, "RSA_OAEP", wrapped), path);
        }
    }

    @Test
    void mssqlJdbcVerifiesOurMetadataSignature() throws SQLServerException {
        byte[] signature = ours.signColumnMasterKeyMetadata("CMK2", true);

        assertTrue(theirs.verifyColumnMasterKeyMetadata("cmk2", true, signature));
    }

    @Test
    void mssqlJdbcRejectsOurSignatureOfAnotherPath() {
        byte[] signature = ours.signColumnMasterKeyMetadata("cmk2", true);

        // mssql-jdbc reports a signature mismatch by throwing rather than returning false.
        assertThrows(SQLServerException.class, () -> theirs.verifyColumnMasterKeyMetadata("cmk1", true, signature));
    }

    @Test
    void weVerifyMssqlJdbcMetadataSignature() throws SQLServerException {
        byte[] signature = theirs.signColumnMasterKeyMetadata("cmk1", true);

        assertTrue(ours.verifyColumnMasterKeyMetadata("CMK1", true, signature));
    }

    private static byte[] randomCek() {
        byte[] cek = new byte[32];
        RANDOM.nextBytes(cek);
        return cek;
    }
}
