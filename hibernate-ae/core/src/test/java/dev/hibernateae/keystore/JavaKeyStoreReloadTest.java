package dev.hibernateae.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.keystore.AeVectors.CmkSignature;
import dev.hibernateae.keystore.AeVectors.WrappedKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keystore is loaded once, and a changed file is picked up without a restart. */
class JavaKeyStoreReloadTest {
    private static final String PASSWORD = new String(AeVectors.password());
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    @TempDir
    Path directory;
    private Path keystore;
    private final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void copyVectorKeystore() throws IOException {
        keystore = Files.copy(AeVectors.keystore(), directory.resolve("cmk.p12"));
    }

    @Test
    void masterKeyAddedToTheFileIsFoundWithoutRestart() {
        JavaKeyStoreProvider provider = provider();
        byte[] cek = randomCek();

        Keytool.generateRsaKeyPair(keystore, "PKCS12", "cmk3", PASSWORD);

        // No time has passed: the missing alias alone makes the provider look at the file again.
        byte[] wrapped = provider.wrapColumnEncryptionKey("cmk3", "RSA_OAEP", cek);
        assertArrayEquals(cek, new JavaKeyStoreProvider(keystore, "PKCS12", AeVectors.password())
                .unwrapColumnEncryptionKey("cmk3", "RSA_OAEP", wrapped));
    }

    @Test
    void keyReplacedUnderTheSameAliasIsUsedFromTheNextCheckOn() {
        JavaKeyStoreProvider provider = provider();
        CmkSignature microsoft = signature("cmk1");
        assertTrue(provider.verifyColumnMasterKeyMetadata("cmk1", true, microsoft.signature()));

        Keytool.run("-delete", "-alias", "cmk1", "-keystore", keystore.toString(), "-storepass", PASSWORD);
        Keytool.generateRsaKeyPair(keystore, "PKCS12", "cmk1", PASSWORD);

        clock.addAndGet(INTERVAL.toNanos() - 1);
        assertTrue(provider.verifyColumnMasterKeyMetadata("cmk1", true, microsoft.signature()),
                "the file is not looked at before the interval is over");
        clock.addAndGet(1);
        assertFalse(provider.verifyColumnMasterKeyMetadata("cmk1", true, microsoft.signature()),
                "the replaced key is gone after the interval");
        assertTrue(new JavaKeyStoreProvider(keystore, "PKCS12", AeVectors.password())
                .verifyColumnMasterKeyMetadata("cmk1", true, provider.signColumnMasterKeyMetadata("cmk1", true)));
    }

    @Test
    void removedMasterKeyIsGoneAfterTheNextCheck() {
        JavaKeyStoreProvider provider = provider();
        WrappedKey cmk2 = AeVectors.wrappedKey("cmk2");
        assertArrayEquals(cmk2.cek(), provider.unwrapColumnEncryptionKey("cmk2", "RSA_OAEP", cmk2.encryptedValue()));

        Keytool.run("-delete", "-alias", "cmk2", "-keystore", keystore.toString(), "-storepass", PASSWORD);
        clock.addAndGet(INTERVAL.toNanos());

        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> provider.unwrapColumnEncryptionKey("cmk2", "RSA_OAEP", cmk2.encryptedValue()));
        assertTrue(error.getMessage().contains("no such alias"), error.getMessage());
    }

    @Test
    void fileThatCannotBeReloadedLeavesTheLoadedKeysInUseAndIsReported() throws IOException {
        JavaKeyStoreProvider provider = provider();
        WrappedKey cmk1 = AeVectors.wrappedKey("cmk1");
        provider.unwrapColumnEncryptionKey("cmk1", "RSA_OAEP", cmk1.encryptedValue());

        Files.writeString(keystore, "half-written keystore");
        clock.addAndGet(INTERVAL.toNanos());

        assertArrayEquals(cmk1.cek(), provider.unwrapColumnEncryptionKey("cmk1", "RSA_OAEP", cmk1.encryptedValue()));
        ColumnMasterKeyException error = assertThrows(ColumnMasterKeyException.class,
                () -> provider.signColumnMasterKeyMetadata("cmk3", true));
        assertTrue(error.getMessage().contains("could not be reloaded"), error.getMessage());
        assertTrue(error.getMessage().contains("cannot be read as a PKCS12 keystore"), error.getMessage());
    }

    @Test
    void fileRepairedAfterAFailedReloadIsPickedUp() throws IOException {
        JavaKeyStoreProvider provider = provider();
        byte[] original = Files.readAllBytes(keystore);
        Files.writeString(keystore, "half-written keystore");
        clock.addAndGet(INTERVAL.toNanos());
        provider.signColumnMasterKeyMetadata("cmk1", true);

        Path replacement = directory.resolve("replacement.p12");
        Files.write(replacement, original);
        Keytool.generateRsaKeyPair(replacement, "PKCS12", "cmk3", PASSWORD);
        Files.move(replacement, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertEquals(256, provider.signColumnMasterKeyMetadata("cmk3", true).length);
    }

    @Test
    void concurrentUnwrapsStayCorrectWhileTheFileChanges() throws Exception {
        // Checking on every call, so that lookups race with the checks and the reload.
        JavaKeyStoreProvider provider = new JavaKeyStoreProvider(keystore, "PKCS12", AeVectors.password(),
                Duration.ZERO, System::nanoTime);
        List<WrappedKey> vectors = AeVectors.wrappedKeys();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                results.add(threads.submit(() -> {
                    int unwrapped = 0;
                    while (!stop.get() || unwrapped < 20) {
                        WrappedKey vector = vectors.get((offset + unwrapped) % vectors.size());
                        assertArrayEquals(vector.cek(), provider.unwrapColumnEncryptionKey(vector.keyPath(),
                                "RSA_OAEP", vector.encryptedValue()));
                        unwrapped++;
                    }
                    return unwrapped;
                }));
            }
            Keytool.generateRsaKeyPair(keystore, "PKCS12", "cmk3", PASSWORD);
            assertEquals(256, provider.signColumnMasterKeyMetadata("cmk3", true).length);
            stop.set(true);
            for (Future<Integer> result : results) {
                assertTrue(result.get(60, TimeUnit.SECONDS) >= 20);
            }
        } finally {
            stop.set(true);
            threads.shutdownNow();
        }
    }

    private JavaKeyStoreProvider provider() {
        return new JavaKeyStoreProvider(keystore, "PKCS12", AeVectors.password(), INTERVAL, clock::get);
    }

    private static CmkSignature signature(String keyPath) {
        return AeVectors.cmkSignatures().stream().filter(s -> s.keyPath().equals(keyPath)).findFirst().orElseThrow();
    }

    private static byte[] randomCek() {
        byte[] cek = new byte[32];
        new SecureRandom().nextBytes(cek);
        return cek;
    }
}
