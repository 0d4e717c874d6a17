package dev.hibernateae.internal.crypto;

import java.lang.ref.Cleaner;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The keyed hash that makes the search tokens of one attribute and one search scheme:
 * {@code HMAC-SHA256(purpose key, input)} truncated to {@link #TOKEN_LENGTH} bytes, where the purpose key is
 * derived from the column encryption key ({@link ColumnKey#searchTokens}). A database administrator, who never holds
 * the column encryption key, can compute no token, and tokens of different attributes or schemes are unrelated.
 * Precomputed HMAC states make a token two SHA-256 compressions of a short input; thread-safe.
 */
public final class SearchTokenHash {
    /** Length of a stored token: 128 bits, so distinct inputs collide with negligible probability. */
    public static final int TOKEN_LENGTH = 16;
    private static final Cleaner ZEROIZER = Cleaner.create();

    private final PrecomputedHmac hmac;

    SearchTokenHash(byte[] key) {
        this.hmac = new PrecomputedHmac(key);
        PrecomputedHmac states = hmac;
        ZEROIZER.register(this, states::destroy);
    }

    /** The token of {@code input} followed by the one-byte {@code variant} (the contention slot). */
    public byte[] token(byte[] input, int variant) {
        MessageDigest inner = hmac.start();
        inner.update(input);
        inner.update((byte) variant);
        byte[] scratch = new byte[PrecomputedHmac.LENGTH];
        byte[] full = new byte[PrecomputedHmac.LENGTH];
        hmac.finish(inner, scratch, full, 0);
        byte[] token = Arrays.copyOf(full, TOKEN_LENGTH);
        Arrays.fill(full, (byte) 0);
        return token;
    }

    @Override
    public String toString() {
        return "SearchTokenHash[redacted]";
    }
}
