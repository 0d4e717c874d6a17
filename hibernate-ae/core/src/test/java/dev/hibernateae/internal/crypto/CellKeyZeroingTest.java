package dev.hibernateae.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** A cell key's derived bytes are zeroed on destroy(), and also once nobody references the key any more. */
class CellKeyZeroingTest {

    @Test
    void destroyZeroesTheDerivedKeysAtOnce() {
        CellKey key = CellKey.derive(new byte[32]);
        SecretKey encryptionKey = key.workspace().encryptionKey;
        key.destroy();
        assertTrue(encryptionKey.isDestroyed());
    }

    @Test
    void aKeyNobodyReferencesIsZeroedByTheGarbageCollector() throws InterruptedException {
        SecretKey encryptionKey = derivedKeyOfADroppedCellKey();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!encryptionKey.isDestroyed() && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(encryptionKey.isDestroyed(), "the Cleaner zeroes the keys of an unreachable CellKey");
    }

    @Test
    void aKeyStillReferencedIsNotZeroedByTheGarbageCollector() throws InterruptedException {
        CellKey key = CellKey.derive(new byte[32]);
        SecretKey encryptionKey = key.workspace().encryptionKey;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertFalse(encryptionKey.isDestroyed());
        assertFalse(key.isDestroyed());
    }

    private static SecretKey derivedKeyOfADroppedCellKey() {
        CellKey key = CellKey.derive(new byte[32]);
        return key.workspace().encryptionKey;
    }
}
