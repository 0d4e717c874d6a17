package dev.hibernateae.keystore;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Objects;

/** Reads a keystore file and tells whether it changed, by modification time, size and file identity. */
final class KeyStoreFile {
    private static final int READ_ATTEMPTS = 3;

    private final Path location;

    KeyStoreFile(Path location) {
        // Absolute, so that messages say which file even when the working directory is not what one thinks.
        this.location = Objects.requireNonNull(location, "location").toAbsolutePath();
    }

    Path location() {
        return location;
    }

    /** What identifies this version of the file; equal fingerprints mean the keystore need not be reloaded. */
    record Fingerprint(FileTime lastModified, long size, Object fileKey) {
    }

    /** The file's content and the fingerprint it was read under. */
    record Content(byte[] bytes, Fingerprint fingerprint) {
    }

    Fingerprint fingerprint() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(location, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw problem("is not a regular file. Point " + EncryptionSettings.KEYSTORE_LOCATION
                        + " at the keystore file made with keytool", null);
            }
            return new Fingerprint(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        } catch (NoSuchFileException e) {
            throw problem("does not exist. Create it with keytool -genkeypair -keyalg RSA -keysize 2048, or fix "
                    + "the setting " + EncryptionSettings.KEYSTORE_LOCATION, null);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Reads the whole file, retrying when it changes while being read (a writer replacing it), so that the bytes
     * match the fingerprint they come with.
     */
    Content read() {
        for (int attempt = 1; ; attempt++) {
            Fingerprint before = fingerprint();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(location);
            } catch (NoSuchFileException e) {
                bytes = null; // replaced between the two calls: try again
            } catch (IOException e) {
                throw unreadable(e);
            }
            if (bytes != null && before.equals(fingerprint())) {
                return new Content(bytes, before);
            }
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
            if (attempt == READ_ATTEMPTS) {
                throw problem("kept changing while it was read. Wait until whatever writes it has finished", null);
            }
        }
    }

    private ColumnMasterKeyException unreadable(IOException e) {
        String why = e instanceof AccessDeniedException
                ? "cannot be read: access denied. Let the application's user read it"
                : "cannot be read (" + e.getClass().getSimpleName() + "). Check the file and the setting "
                        + EncryptionSettings.KEYSTORE_LOCATION;
        return problem(why, e);
    }

    private ColumnMasterKeyException problem(String why, Throwable cause) {
        return new ColumnMasterKeyException("Keystore file " + location + " of provider " + JavaKeyStoreProvider.NAME
                + " " + why, cause);
    }
}
