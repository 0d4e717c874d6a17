package dev.hibernateae.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared vectors load completely, so tests built on them cannot pass vacuously. */
class AeVectorsTest {
    @Test
    void everySectionOfTheVectorsLoads() {
        AeVectors vectors = AeVectors.load();
        assertTrue(vectors.source().contains("mssql-jdbc"), vectors.source());
        assertFalse(vectors.cells().isEmpty());
        assertFalse(vectors.wrappedKeys().isEmpty());
        assertFalse(vectors.cmkSignatures().isEmpty());
        assertEquals("MSSQL_JAVA_KEYSTORE", vectors.keystore().providerName());
        vectors.cells().forEach(c -> assertEquals(32, c.cek().length, c.toString()));
        vectors.wrappedKeys().forEach(w -> assertEquals(32, w.cek().length, w.toString()));
    }

    @Test
    void theKeystoreOpensWithItsPassword() throws Exception {
        AeVectors.Keystore keystore = AeVectors.load().keystore();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore.file())) {
            ks.load(in, keystore.password());
        }
        for (AeVectors.WrappedKey wrapped : AeVectors.load().wrappedKeys()) {
            assertTrue(ks.isKeyEntry(wrapped.keyPath().toLowerCase(Locale.ROOT)), wrapped.toString());
        }
    }

    @Test
    void wrappedKeysCarryTheirLowerCasedKeyPath() {
        for (AeVectors.WrappedKey wrapped : AeVectors.load().wrappedKeys()) {
            byte[] value = wrapped.encryptedValue();
            assertEquals(1, value[0]);
            int pathLength = (value[1] & 0xff) | (value[2] & 0xff) << 8;
            String path = new String(value, 5, pathLength, StandardCharsets.UTF_16LE);
            assertEquals(wrapped.keyPath().toLowerCase(Locale.ROOT), path);
        }
    }

    @Test
    void withoutThePropertyTheVectorsAreFoundAboveTheWorkingDirectory() {
        // The repository carries the vectors in the core's test resources, so walking up finds them.
        String before = System.getProperty(AeVectors.DIRECTORY_PROPERTY);
        System.clearProperty(AeVectors.DIRECTORY_PROPERTY);
        try {
            Path found = AeVectors.locateDirectory();
            assertTrue(Files.isRegularFile(found.resolve(AeVectors.FILE_NAME)), found.toString());
            assertTrue(found.endsWith(Path.of("src", "test", "resources", "vectors")), found.toString());
        } finally {
            restore(before);
        }
    }

    @Test
    void aDirectoryWithoutTheVectorsFailsWithAClearMessage(@TempDir Path empty) {
        String before = System.getProperty(AeVectors.DIRECTORY_PROPERTY);
        System.setProperty(AeVectors.DIRECTORY_PROPERTY, empty.toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, AeVectors::locateDirectory);
            assertTrue(e.getMessage().contains(AeVectors.DIRECTORY_PROPERTY), e.getMessage());
            assertTrue(e.getMessage().contains(AeVectors.FILE_NAME), e.getMessage());
        } finally {
            restore(before);
        }
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty(AeVectors.DIRECTORY_PROPERTY);
        } else {
            System.setProperty(AeVectors.DIRECTORY_PROPERTY, value);
        }
    }
}
