package dev.hibernateae.internal.crypto;

import java.lang.ref.Cleaner;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;

/**
 * HMAC-SHA256 under one purpose key of a {@link ColumnKey}: tags that only a holder of the column encryption key
 * can compute. Tags are checked in constant time. The key is zeroed once this object is unreachable.
 *
 * <p>Thread-safe; each call keys its own {@link Mac}, which suits its uses (a few tags per lifecycle change).
 */
public final class KeyedHash {
    /** Length of a tag, in bytes. */
    public static final int TAG_LENGTH = 32;
    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final Cleaner ZEROIZER = Cleaner.create();

    private final DestroyableSecretKey key;

    KeyedHash(byte[] key) {
        this.key = new DestroyableSecretKey(key, HMAC_SHA256);
        ZEROIZER.register(this, this.key::destroy);
    }

    /** The tag of {@code message}. */
    public byte[] tag(byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK lacks HmacSHA256", e);
        }
    }

    /** Whether {@code tag} is the tag of {@code message}; compared in constant time, false for a null tag. */
    public boolean verify(byte[] message, byte[] tag) {
        return tag != null && MessageDigest.isEqual(tag(message), tag);
    }

    @Override
    public String toString() {
        return "KeyedHash[redacted]";
    }
}
