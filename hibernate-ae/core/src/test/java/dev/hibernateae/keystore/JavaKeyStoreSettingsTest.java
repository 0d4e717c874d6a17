package dev.hibernateae.keystore;

import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_LOCATION;
import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_PASSWORD;
import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_PASSWORD_ENV;
import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_PASSWORD_FILE;
import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_TYPE;
import static dev.hibernateae.keystore.JavaKeyStoreFileErrorsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.keystore.AeVectors.WrappedKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building the provider from Hibernate settings: the keystore, and its password from exactly one source. */
class JavaKeyStoreSettingsTest {
    private static final String PASSWORD = new String(AeVectors.password());
    private static final Function<String, String> NO_ENVIRONMENT = name -> null;

    @TempDir
    Path directory;

    @Test
    void passwordFromTheSetting() {
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD, PASSWORD);

        assertWorks(JavaKeyStoreProvider.fromSettings(settings, NO_ENVIRONMENT));
    }

    @Test
    void passwordAsCharArray() {
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD, PASSWORD.toCharArray());

        assertWorks(JavaKeyStoreProvider.fromSettings(settings, NO_ENVIRONMENT));
    }

    @Test
    void passwordFromTheNamedEnvironmentVariable() {
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD_ENV, "AE_KEYSTORE_PASSWORD");

        assertWorks(JavaKeyStoreProvider.fromSettings(settings,
                name -> name.equals("AE_KEYSTORE_PASSWORD") ? PASSWORD : null));
    }

    @Test
    void unsetEnvironmentVariableIsNamed() {
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD_ENV, "AE_KEYSTORE_PASSWORD");

        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> JavaKeyStoreProvider.fromSettings(settings, NO_ENVIRONMENT));

        assertMessage(error, "'AE_KEYSTORE_PASSWORD'", KEYSTORE_PASSWORD_ENV, "not set");
    }

    @Test
    void emptyEnvironmentVariableIsNamed() {
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD_ENV, "AE_KEYSTORE_PASSWORD");

        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> JavaKeyStoreProvider.fromSettings(settings, name -> ""));

        assertMessage(error, "'AE_KEYSTORE_PASSWORD'", "empty");
    }

    @Test
    void passwordFromAFileWithoutItsTrailingLineBreak() throws IOException {
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD_FILE, Files.writeString(directory.resolve("password"), PASSWORD + "\n")
                .toString());

        assertWorks(JavaKeyStoreProvider.fromSettings(settings, NO_ENVIRONMENT));
    }

    @Test
    void passwordFromAFileWithAWindowsLineBreak() throws IOException {
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD_FILE, Files.writeString(directory.resolve("password"), PASSWORD + "\r\n"));

        assertWorks(JavaKeyStoreProvider.fromSettings(settings, NO_ENVIRONMENT));
    }

    @Test
    void passwordFromAFileWithoutLineBreak() throws IOException {
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD_FILE, Files.writeString(directory.resolve("password"), PASSWORD));

        assertWorks(JavaKeyStoreProvider.fromSettings(settings, NO_ENVIRONMENT));
    }

    @Test
    void missingPasswordFileIsNamed() {
        Path missing = directory.resolve("no-password-here");
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD_FILE, missing.toString());

        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> JavaKeyStoreProvider.fromSettings(settings, NO_ENVIRONMENT));

        assertMessage(error, missing.toString(), KEYSTORE_PASSWORD_FILE, "does not exist");
    }

    @Test
    void emptyPasswordFileIsRefused() throws IOException {
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD_FILE, Files.writeString(directory.resolve("password"), "\n"));

        assertMessage(assertThrows(ColumnMasterKeyException.class,
                () -> JavaKeyStoreProvider.fromSettings(settings, NO_ENVIRONMENT)), KEYSTORE_PASSWORD_FILE, "empty");
    }

    @Test
    void noPasswordSourceIsAnError() {
        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> JavaKeyStoreProvider.fromSettings(keystore(), NO_ENVIRONMENT));

        assertMessage(error, "exactly one of", KEYSTORE_PASSWORD, KEYSTORE_PASSWORD_ENV, KEYSTORE_PASSWORD_FILE,
                "none is set");
    }

    @Test
    void emptySettingValuesCountAsUnset() {
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD, "");
        settings.put(KEYSTORE_PASSWORD_ENV, " ");
        settings.put(KEYSTORE_PASSWORD_FILE, "");

        assertMessage(assertThrows(ColumnMasterKeyException.class,
                () -> JavaKeyStoreProvider.fromSettings(settings, NO_ENVIRONMENT)), "none is set");
    }

    @Test
    void twoPasswordSourcesAreAnErrorNamingBoth() {
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD, PASSWORD);
        settings.put(KEYSTORE_PASSWORD_ENV, "AE_KEYSTORE_PASSWORD");

        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> JavaKeyStoreProvider.fromSettings(settings, name -> PASSWORD));

        assertMessage(error, "exactly one of", "set are " + KEYSTORE_PASSWORD + ", " + KEYSTORE_PASSWORD_ENV);
        assertFalse(error.getMessage().contains(PASSWORD));
    }

    @Test
    void missingLocationIsAnError() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(KEYSTORE_PASSWORD, PASSWORD);

        assertMessage(assertThrows(ColumnMasterKeyException.class,
                () -> JavaKeyStoreProvider.fromSettings(settings, NO_ENVIRONMENT)), KEYSTORE_LOCATION);
    }

    @Test
    void wrongTypeSettingIsUsed() {
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD, PASSWORD);
        settings.put(KEYSTORE_TYPE, "NOSUCHTYPE");

        assertMessage(assertThrows(ColumnMasterKeyException.class,
                () -> JavaKeyStoreProvider.fromSettings(settings, NO_ENVIRONMENT)), "NOSUCHTYPE", KEYSTORE_TYPE);
    }

    @Test
    void settingsConstructorLetsTheProviderBeNamedInTheProvidersSetting() throws Exception {
        Map<String, Object> settings = keystore();
        settings.put(KEYSTORE_PASSWORD, PASSWORD);

        Object provider = JavaKeyStoreProvider.class.getConstructor(Map.class).newInstance(settings);

        assertWorks((JavaKeyStoreProvider) provider);
    }

    private static Map<String, Object> keystore() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(KEYSTORE_LOCATION, AeVectors.keystore().toString());
        settings.put(KEYSTORE_TYPE, "PKCS12");
        return settings;
    }

    private static void assertWorks(JavaKeyStoreProvider provider) {
        WrappedKey vector = AeVectors.wrappedKey("cmk1");
        assertArrayEquals(vector.cek(), provider.unwrapColumnEncryptionKey("cmk1", "RSA_OAEP", vector.encryptedValue()));
    }
}
