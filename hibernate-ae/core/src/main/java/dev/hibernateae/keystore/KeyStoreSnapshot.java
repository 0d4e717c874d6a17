package dev.hibernateae.keystore;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PublicKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One loaded version of the keystore file. The {@link KeyStore} is never changed after loading; each alias's keys
 * are taken out of it once, on first use, so that private keys of aliases nobody asks for are never decrypted.
 */
final class KeyStoreSnapshot {
    private final KeyStoreFile file;
    private final KeyStoreFile.Fingerprint fingerprint;
    private final KeyStore store;
    private final char[] password;
    /** Lower-cased alias to the alias as stored: key paths are case-insensitive, as in SQL Server. */
    private final Map<String, String> aliases;
    private final ConcurrentHashMap<String, KeyStoreRsaMasterKey> keys = new ConcurrentHashMap<>();

    private KeyStoreSnapshot(KeyStoreFile file, KeyStoreFile.Fingerprint fingerprint, KeyStore store,
            char[] password, Map<String, String> aliases) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.store = store;
        this.password = password;
        this.aliases = aliases;
    }

    /**
     * Loads the file.
     *
     * @param password shared, not copied: the provider owns it and keeps it for reloads
     */
    static KeyStoreSnapshot load(KeyStoreFile file, String type, char[] password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (KeyStoreException e) {
            throw new ColumnMasterKeyException("Keystore type '" + type + "' (setting "
                    + EncryptionSettings.KEYSTORE_TYPE + ") is not supported by this JVM; use PKCS12 or JKS", e);
        }
        KeyStoreFile.Content content = file.read();
        try {
            store.load(new ByteArrayInputStream(content.bytes()), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ColumnMasterKeyException("Keystore file " + file.location() + " of provider "
                        + JavaKeyStoreProvider.NAME + " cannot be opened: the password is wrong (or the file was "
                        + "altered). Check the password given by " + EncryptionSettings.KEYSTORE_PASSWORD + ", "
                        + EncryptionSettings.KEYSTORE_PASSWORD_ENV + " or " + EncryptionSettings.KEYSTORE_PASSWORD_FILE);
            }
            throw notAKeyStore(file, type, e);
        } catch (GeneralSecurityException e) {
            throw notAKeyStore(file, type, e);
        } finally {
            Arrays.fill(content.bytes(), (byte) 0);
        }
        return new KeyStoreSnapshot(file, content.fingerprint(), store, password, aliases(file, store));
    }

    KeyStoreFile.Fingerprint fingerprint() {
        return fingerprint;
    }

    /** The aliases as stored, sorted, for error messages. */
    Iterable<String> aliasNames() {
        return Collections.unmodifiableCollection(new TreeMap<>(aliases).values());
    }

    /** The key under {@code masterKeyPath}, compared case-insensitively, or null when no alias matches. */
    KeyStoreRsaMasterKey masterKey(String masterKeyPath) {
        String alias = aliases.get(masterKeyPath.toLowerCase(Locale.ENGLISH));
        if (alias == null) {
            return null;
        }
        KeyStoreRsaMasterKey key = keys.get(alias); // the hot path: no lock
        if (key == null) {
            key = keys.computeIfAbsent(alias, this::extract);
        }
        return key;
    }

    private KeyStoreRsaMasterKey extract(String alias) {
        KeyStoreEntryName name = new KeyStoreEntryName(alias, file.location());
        try {
            Certificate certificate = store.getCertificate(alias);
            if (store.isKeyEntry(alias) && certificate == null) {
                throw name.error("the alias holds a secret key, not an RSA key pair. " + howToCreate(alias));
            }
            PublicKey publicKey = certificate.getPublicKey();
            if (!(publicKey instanceof RSAPublicKey rsaPublicKey)) {
                throw name.error("the alias holds a " + publicKey.getAlgorithm() + " key, but column master keys "
                        + "must be RSA. " + howToCreate(alias));
            }
            if (!store.isKeyEntry(alias)) {
                return new KeyStoreRsaMasterKey(name, rsaPublicKey, null);
            }
            Key privateKey = store.getKey(alias, password);
            if (!(privateKey instanceof RSAPrivateKey rsaPrivateKey)) {
                throw name.error("the alias's private key is not an RSA key. " + howToCreate(alias));
            }
            return new KeyStoreRsaMasterKey(name, rsaPublicKey, rsaPrivateKey);
        } catch (UnrecoverableKeyException e) {
            throw name.error("the alias's private key cannot be recovered with the keystore password. Give it the "
                    + "keystore's password (keytool -keypasswd -alias " + alias + ")");
        } catch (GeneralSecurityException e) {
            throw name.error("the alias cannot be read from the keystore (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String howToCreate(String alias) {
        return "Create an RSA key pair: keytool -genkeypair -keyalg RSA -keysize 2048 -alias " + alias;
    }

    private static Map<String, String> aliases(KeyStoreFile file, KeyStore store) {
        try {
            Map<String, String> aliases = new HashMap<>();
            for (String alias : Collections.list(store.aliases())) {
                aliases.put(alias.toLowerCase(Locale.ENGLISH), alias);
            }
            return Map.copyOf(aliases);
        } catch (KeyStoreException e) {
            throw new ColumnMasterKeyException("Keystore file " + file.location() + " of provider "
                    + JavaKeyStoreProvider.NAME + " cannot list its aliases", e);
        }
    }

    private static ColumnMasterKeyException notAKeyStore(KeyStoreFile file, String type, Exception e) {
        return new ColumnMasterKeyException("Keystore file " + file.location() + " of provider "
                + JavaKeyStoreProvider.NAME + " cannot be read as a " + type + " keystore ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "). Check that it is a PKCS12 or JKS keystore made with keytool and that "
                + EncryptionSettings.KEYSTORE_TYPE + " matches", e);
    }
}
