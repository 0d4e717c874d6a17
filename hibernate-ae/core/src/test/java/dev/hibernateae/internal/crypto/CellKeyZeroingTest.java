package dev.hibernateae.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/**
 * A cell key's derived bytes are zeroed, and its precomputed HMAC states reset to SHA-256's public initial state,
 * on destroy(), and also once nobody references the key any more.
 */
class CellKeyZeroingTest {
    private static final byte[] SHA256_OF_NOTHING = sha256OfNothing();

    @Test
    void destroyZeroesTheDerivedKeysAtOnce() {
        CellKey key = CellKey.derive(new RandomCells().bytes(32));
        SecretKey encryptionKey = key.workspace().encryptionKey;
        PrecomputedHmac tagHmac = key.tagHmac();
        PrecomputedHmac ivHmac = key.ivHmac();
        assertFalse(holdsNoKey(tagHmac), "a keyed HMAC state is not SHA-256's initial state");
        key.destroy();
        assertTrue(encryptionKey.isDestroyed());
        assertTrue(holdsNoKey(tagHmac), "the MAC key's HMAC states were reset");
        assertTrue(holdsNoKey(ivHmac), "the IV key's HMAC states were reset");
    }

    @Test
    void aKeyNobodyReferencesIsZeroedByTheGarbageCollector() throws InterruptedException {
        Object[] held = derivedKeysOfADroppedCellKey();
        SecretKey encryptionKey = (SecretKey) held[0];
        PrecomputedHmac tagHmac = (PrecomputedHmac) held[1];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(encryptionKey.isDestroyed() && holdsNoKey(tagHmac)) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(encryptionKey.isDestroyed(), "the Cleaner zeroes the keys of an unreachable CellKey");
        assertTrue(holdsNoKey(tagHmac), "the Cleaner resets the HMAC states of an unreachable CellKey");
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
        assertFalse(holdsNoKey(key.tagHmac()));
        assertFalse(key.isDestroyed());
    }

    /** Whether the HMAC's inner state is SHA-256's initial state: hashing nothing from it gives SHA-256(""). */
    private static boolean holdsNoKey(PrecomputedHmac hmac) {
        return Arrays.equals(SHA256_OF_NOTHING, hmac.start().digest());
    }

    private static Object[] derivedKeysOfADroppedCellKey() {
        CellKey key = CellKey.derive(new RandomCells().bytes(32));
        return new Object[] {key.workspace().encryptionKey, key.tagHmac()};
    }

    private static byte[] sha256OfNothing() {
        try {
            return MessageDigest.getInstance("SHA-256").digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
