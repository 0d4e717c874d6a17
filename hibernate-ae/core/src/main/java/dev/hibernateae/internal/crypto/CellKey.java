package dev.hibernateae.internal.crypto;

import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The three keys that AEAD_AES_256_CBC_HMAC_SHA256 derives from a 32-byte column encryption key, derived once
 * and then used for every cell. The two HMAC keys are kept as their padded-key SHA-256 states
 * ({@link PrecomputedHmac}), shared by all threads; each thread gets its own AES objects keyed once
 * ({@link AesCbc}), so no cell pays for object creation or key set-up, and no thread waits for another.
 *
 * <p>Immutable until {@link #destroy()}, which zeroes the bytes this object holds. It never prints them.
 * A key that nobody references any more is zeroed as well, by a {@link Cleaner}: that is how a key ring retires
 * an evicted key without ever pulling it from under a thread that is still encrypting with it (see
 * {@link #destroy()}).
 */
public final class CellKey implements AutoCloseable {
    /** Length of a column encryption key and of each derived key, in bytes. */
    public static final int KEY_LENGTH = 32;

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final String ALGORITHM_LABEL =
            " with encryption algorithm:AEAD_AES_256_CBC_HMAC_SHA256 and key length:256";
    private static final byte[] ENCRYPTION_LABEL = utf16le("Microsoft SQL Server cell encryption key" + ALGORITHM_LABEL);
    private static final byte[] MAC_LABEL = utf16le("Microsoft SQL Server cell MAC key" + ALGORITHM_LABEL);
    private static final byte[] IV_LABEL = utf16le("Microsoft SQL Server cell IV key" + ALGORITHM_LABEL);
    /** One daemon thread for the whole library; it only zeroes arrays. */
    private static final Cleaner ZEROIZER = Cleaner.create();

    private final DestroyableSecretKey encryptionKey;
    private final PrecomputedHmac tagHmac;
    private final PrecomputedHmac ivHmac;
    private final ThreadLocal<CellWorkspace> workspaces;
    private final Cleaner.Cleanable zeroing;
    private volatile boolean destroyed;

    private CellKey(DestroyableSecretKey encryptionKey, PrecomputedHmac tagHmac, PrecomputedHmac ivHmac) {
        this.encryptionKey = encryptionKey;
        this.tagHmac = tagHmac;
        this.ivHmac = ivHmac;
        this.workspaces = ThreadLocal.withInitial(this::newWorkspace);
        // The action must not reach this object, or it would never become unreachable.
        this.zeroing = ZEROIZER.register(this, new Zeroing(encryptionKey, tagHmac, ivHmac));
    }

    /**
     * Derives the cell keys from a column encryption key. The caller keeps ownership of {@code rootKey} and
     * should zero it when done; this object keeps no reference to it.
     *
     * @throws IllegalArgumentException if the key is not exactly 32 bytes
     */
    public static CellKey derive(byte[] rootKey) {
        if (rootKey == null || rootKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("A column encryption key must be exactly " + KEY_LENGTH
                    + " bytes, got " + (rootKey == null ? "none" : rootKey.length + " bytes"));
        }
        byte[] enc = null;
        byte[] mac = null;
        byte[] iv = null;
        try {
            Mac hmac = Mac.getInstance(HMAC_SHA256);
            hmac.init(new SecretKeySpec(rootKey, HMAC_SHA256));
            enc = hmac.doFinal(ENCRYPTION_LABEL);
            mac = hmac.doFinal(MAC_LABEL);
            iv = hmac.doFinal(IV_LABEL);
            return new CellKey(new DestroyableSecretKey(enc, "AES"), new PrecomputedHmac(mac), new PrecomputedHmac(iv));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK lacks HmacSHA256", e);
        } finally {
            zero(enc);
            zero(mac);
            zero(iv);
        }
    }

    /** The per-thread objects for this key; fails once the key was destroyed. */
    CellWorkspace workspace() {
        if (destroyed) {
            throw new IllegalStateException("This column encryption key was discarded (evicted or rotated); "
                    + "fetch it again from the key ring");
        }
        return workspaces.get();
    }

    /** The HMAC that tags cells (the MAC key). */
    PrecomputedHmac tagHmac() {
        return tagHmac;
    }

    /** The HMAC that gives deterministic cells their IV (the IV key). */
    PrecomputedHmac ivHmac() {
        return ivHmac;
    }

    private CellWorkspace newWorkspace() {
        try {
            return new CellWorkspace(encryptionKey, new AesCbc(encryptionKey), RandomIvSource.forThisThread());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK lacks AES/ECB/NoPadding or AES/CBC/PKCS5Padding", e);
        }
    }

    /**
     * Zeroes the derived key bytes held here now. Cells can no longer be encrypted or decrypted with this key.
     *
     * <p>Call it only when no other thread can still be using the key: a thread that is inside
     * {@code encrypt}/{@code decrypt} at that moment fails. Owners that share a key between threads (the key ring)
     * instead drop their reference and let the key be zeroed once it is unreachable.
     */
    public void destroy() {
        destroyed = true;
        zeroing.clean();
        workspaces.remove();
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return destroyed ? "CellKey[destroyed]" : "CellKey[redacted]";
    }

    /** Zeroes the derived keys; runs once, on {@link #destroy()} or when the key became unreachable. */
    private static final class Zeroing implements Runnable {
        private final DestroyableSecretKey encryptionKey;
        private final PrecomputedHmac[] hmacs;

        Zeroing(DestroyableSecretKey encryptionKey, PrecomputedHmac... hmacs) {
            this.encryptionKey = encryptionKey;
            this.hmacs = hmacs;
        }

        @Override
        public void run() {
            encryptionKey.destroy();
            for (PrecomputedHmac hmac : hmacs) {
                hmac.destroy();
            }
        }
    }

    private static byte[] utf16le(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    private static void zero(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
