package dev.hibernateae.internal.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) under one key, with the two padded-key blocks hashed once, when the key is set, instead of
 * for every tag. The JDK's {@code Mac} hashes {@code key ^ ipad} on the first update and {@code key ^ opad} in every
 * {@code doFinal}: for the short messages of a cell (a plaintext, or {@code version | IV | ciphertext | 1}) that is
 * four SHA-256 compressions where two suffice. Here a tag starts from copies of the two SHA-256 states that follow
 * those blocks; the JDK's SHA-256 (with its SHA-NI intrinsic) still does every compression.
 *
 * <p>The two states are key material: {@link #destroy()} resets them to SHA-256's public initial state. Thread-safe:
 * the states are only ever copied ({@code clone()} reads them); each tag works on its own copies.
 */
final class PrecomputedHmac {
    /** Length of a tag, in bytes. */
    static final int LENGTH = 32;
    private static final int BLOCK = 64;
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final MessageDigest afterInnerPad;
    private final MessageDigest afterOuterPad;

    /** Keys the HMAC with {@code key} (at most one SHA-256 block, as every key here is); the caller zeroes it. */
    PrecomputedHmac(byte[] key) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("HMAC keys longer than one SHA-256 block are not used here");
        }
        afterInnerPad = sha256();
        afterOuterPad = sha256();
        byte[] padded = new byte[BLOCK];
        try {
            pad(key, IPAD, padded);
            afterInnerPad.update(padded);
            pad(key, OPAD, padded);
            afterOuterPad.update(padded);
        } finally {
            Arrays.fill(padded, (byte) 0);
        }
    }

    /** Starts a tag: a SHA-256 already past {@code key ^ ipad}, to be fed the message and passed to {@link #finish}. */
    MessageDigest start() {
        return copy(afterInnerPad);
    }

    /**
     * Completes the tag of everything {@code inner} was fed and writes it to {@code out} at {@code offset}.
     * {@code scratch} (32 bytes) receives the inner hash, which is no secret once the outer hash covers it.
     */
    void finish(MessageDigest inner, byte[] scratch, byte[] out, int offset) {
        try {
            inner.digest(scratch, 0, LENGTH);
            MessageDigest outer = copy(afterOuterPad);
            outer.update(scratch, 0, LENGTH);
            outer.digest(out, offset, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
    }

    /** Replaces both keyed states with SHA-256's initial state; tags computed afterwards are wrong, so nobody may. */
    void destroy() {
        afterInnerPad.reset();
        afterOuterPad.reset();
    }

    private static void pad(byte[] key, byte pad, byte[] into) {
        Arrays.fill(into, pad);
        for (int i = 0; i < key.length; i++) {
            into[i] = (byte) (key[i] ^ pad);
        }
    }

    private static MessageDigest copy(MessageDigest state) {
        try {
            return (MessageDigest) state.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("This JDK's SHA-256 cannot be copied", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            copy(digest); // fails here, at key derivation, rather than at the first cell
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK lacks SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "PrecomputedHmac[redacted]";
    }
}
