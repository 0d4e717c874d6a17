package dev.hibernateae.keystore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.ColumnMasterKeyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way the keystore file or an alias can be wrong gets its own message, naming the file or alias. */
class JavaKeyStoreFileErrorsTest {
    @TempDir
    Path directory;

    @Test
    void missingFileIsNamedWithWhatToDo() {
        Path missing = directory.resolve("nowhere.p12");

        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> new JavaKeyStoreProvider(missing, "PKCS12", "changeit".toCharArray()));

        assertMessage(error, missing.toString(), "does not exist", "keytool", "hibernate.ae.keystore.location");
    }

    @Test
    void directoryInsteadOfAFileIsRefused() {
        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> new JavaKeyStoreProvider(directory, "PKCS12", "changeit".toCharArray()));

        assertMessage(error, directory.toString(), "not a regular file");
    }

    @Test
    void fileThatIsNoKeystoreIsRefused() throws IOException {
        Path notAKeystore = Files.writeString(directory.resolve("notes.p12"), "not a keystore at all");

        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> new JavaKeyStoreProvider(notAKeystore, "PKCS12", "changeit".toCharArray()));

        assertMessage(error, notAKeystore.toString(), "cannot be read as a PKCS12 keystore",
                "hibernate.ae.keystore.type");
    }

    @Test
    void wrongPasswordSaysSoWithoutShowingIt() {
        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> new JavaKeyStoreProvider(AeVectors.keystore(), "PKCS12", "wrong-secret".toCharArray()));

        assertMessage(error, AeVectors.keystore().toString(), "password is wrong");
        assertFalse(error.getMessage().contains("wrong-secret"));
    }

    @Test
    void unknownKeystoreTypeIsNamed() {
        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> new JavaKeyStoreProvider(AeVectors.keystore(), "NOSUCHTYPE", AeVectors.password()));

        assertMessage(error, "NOSUCHTYPE", "hibernate.ae.keystore.type", "PKCS12 or JKS");
    }

    @Test
    void unknownAliasNamesThePathAndTheAliasesThereAre() {
        JavaKeyStoreProvider provider = new JavaKeyStoreProvider(AeVectors.keystore(), "PKCS12", AeVectors.password());

        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> provider.unwrapColumnEncryptionKey("cmk9", "RSA_OAEP",
                        AeVectors.wrappedKey("cmk1").encryptedValue()));

        assertMessage(error, "'cmk9'", AeVectors.keystore().toString(), "no such alias", "cmk1, cmk2",
                "keytool -genkeypair");
    }

    @Test
    void blankKeyPathIsRefused() {
        JavaKeyStoreProvider provider = new JavaKeyStoreProvider(AeVectors.keystore(), "PKCS12", AeVectors.password());

        assertThrows(ColumnMasterKeyException.class, () -> provider.signColumnMasterKeyMetadata(" ", true));
    }

    @Test
    void toStringNamesTheFileButNeverThePassword() {
        JavaKeyStoreProvider provider = new JavaKeyStoreProvider(AeVectors.keystore(), "PKCS12", AeVectors.password());

        String text = provider.toString();

        assertTrue(text.contains(AeVectors.keystore().toString()), text);
        assertFalse(text.contains(new String(AeVectors.password())), text);
    }

    @Test
    void callerMayClearItsPasswordArrayAfterConstruction() {
        char[] password = AeVectors.password();
        JavaKeyStoreProvider provider = new JavaKeyStoreProvider(AeVectors.keystore(), "PKCS12", password);
        java.util.Arrays.fill(password, '\0');

        byte[] cek = provider.unwrapColumnEncryptionKey("cmk2", "RSA_OAEP", AeVectors.wrappedKey("cmk2").encryptedValue());

        assertTrue(java.util.Arrays.equals(AeVectors.wrappedKey("cmk2").cek(), cek));
    }

    static void assertMessage(Exception error, String... parts) {
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), () -> "'" + part + "' missing from: " + error.getMessage());
        }
    }
}
