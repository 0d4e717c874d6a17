package dev.hibernateae.keystore;

import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_LOCATION;
import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_PASSWORD;
import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_PASSWORD_ENV;
import static dev.hibernateae.api.EncryptionSettings.KEYSTORE_PASSWORD_FILE;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.internal.config.KeystoreConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The keystore's location, type and password, read from Hibernate settings. The password comes from exactly one
 * of {@code KEYSTORE_PASSWORD}, {@code KEYSTORE_PASSWORD_ENV} (an environment variable's name) or
 * {@code KEYSTORE_PASSWORD_FILE} (a file's path, one trailing line break removed). The settings are parsed by
 * {@link AeConfig}: a setting with a blank value counts as unset, as placeholders that resolve to nothing produce one.
 */
record KeyStoreSettings(Path location, String type, char[] password) {

    static KeyStoreSettings from(Map<String, ?> settings, Function<String, String> environment) {
        return from(AeConfig.of(settings).keystore(), environment);
    }

    static KeyStoreSettings from(KeystoreConfig settings, Function<String, String> environment) {
        Path location = settings.location();
        if (location == null) {
            throw new ColumnMasterKeyException("Provider " + JavaKeyStoreProvider.NAME + " needs the keystore file: "
                    + "set " + KEYSTORE_LOCATION + " to the path of a PKCS12 or JKS keystore");
        }
        String type = settings.type();
        return new KeyStoreSettings(location, type == null ? JavaKeyStoreProvider.DEFAULT_TYPE : type,
                password(settings, location, environment));
    }

    private static char[] password(KeystoreConfig settings, Path location, Function<String, String> environment) {
        Object literal = settings.password();
        boolean hasLiteral = literal instanceof char[] chars ? chars.length > 0
                : literal != null && !literal.toString().isEmpty();
        String variable = settings.passwordEnv();
        Path passwordFile = settings.passwordFile();
        List<String> given = new ArrayList<>();
        if (hasLiteral) {
            given.add(KEYSTORE_PASSWORD);
        }
        if (variable != null) {
            given.add(KEYSTORE_PASSWORD_ENV);
        }
        if (passwordFile != null) {
            given.add(KEYSTORE_PASSWORD_FILE);
        }
        if (given.size() != 1) {
            throw new ColumnMasterKeyException("The password of keystore " + location + " (provider "
                    + JavaKeyStoreProvider.NAME + ") must come from exactly one of " + KEYSTORE_PASSWORD + ", "
                    + KEYSTORE_PASSWORD_ENV + " (an environment variable's name) or " + KEYSTORE_PASSWORD_FILE
                    + " (a file's path); " + (given.isEmpty() ? "none is set" : "set are " + String.join(", ", given)));
        }
        if (hasLiteral) {
            return literal instanceof char[] chars ? chars.clone() : literal.toString().toCharArray();
        }
        if (variable != null) {
            return fromEnvironment(variable, environment);
        }
        return fromFile(passwordFile);
    }

    private static char[] fromEnvironment(String variable, Function<String, String> environment) {
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new ColumnMasterKeyException("The environment variable '" + variable + "' named by "
                    + KEYSTORE_PASSWORD_ENV + " is " + (value == null ? "not set" : "empty")
                    + ": set it to the keystore password before the application starts");
        }
        return value.toCharArray();
    }

    private static char[] fromFile(Path passwordFile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(passwordFile);
        } catch (NoSuchFileException e) {
            throw new ColumnMasterKeyException("The password file " + passwordFile + " named by "
                    + KEYSTORE_PASSWORD_FILE + " does not exist: create it or fix the setting");
        } catch (IOException e) {
            throw new ColumnMasterKeyException("The password file " + passwordFile + " named by "
                    + KEYSTORE_PASSWORD_FILE + " cannot be read (" + e.getClass().getSimpleName()
                    + "): let the application's user read it", e);
        }
        // Decoded straight into a char[] so that no String copy of the password is left to the garbage collector.
        CharBuffer decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new ColumnMasterKeyException("The password file " + passwordFile + " named by "
                    + KEYSTORE_PASSWORD_FILE + " is not UTF-8 text: write the password as UTF-8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        int length = decoded.limit();
        if (length > 0 && decoded.get(length - 1) == '\n') {
            length--;
            if (length > 0 && decoded.get(length - 1) == '\r') {
                length--;
            }
        }
        char[] password = new char[length];
        decoded.get(password);
        Arrays.fill(decoded.array(), '\0');
        if (length == 0) {
            throw new ColumnMasterKeyException("The password file " + passwordFile + " named by "
                    + KEYSTORE_PASSWORD_FILE + " is empty: write the keystore password into it");
        }
        return password;
    }

    @Override
    public String toString() {
        return "KeyStoreSettings[" + type + " keystore " + location + "]"; // never the password
    }
}
