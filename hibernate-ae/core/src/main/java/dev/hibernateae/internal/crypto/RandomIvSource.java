package dev.hibernateae.internal.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random IVs for one thread, drawn from its own DRBG {@value #BUFFERED} bytes at a time. The JDK's default
 * {@code NativePRNG} funnels every thread through one synchronized reader, which would serialize randomized
 * encryption; and each DRBG call has a fixed cost (about 350 ns) that 16 bytes do not amortize, half of a
 * randomized cell. IVs are public (each cell carries its own), so holding the next few in memory exposes nothing
 * that the cells will not.
 *
 * <p>Not thread-safe: {@link #forThisThread()} gives each thread its own.
 */
final class RandomIvSource {
    static final int IV_LENGTH = 16;
    private static final int BUFFERED = 32 * IV_LENGTH;
    private static final ThreadLocal<RandomIvSource> SOURCES = ThreadLocal.withInitial(RandomIvSource::new);

    private final SecureRandom random = newRandom();
    private final byte[] buffered = new byte[BUFFERED];
    private int next = BUFFERED;

    private RandomIvSource() {
    }

    static RandomIvSource forThisThread() {
        return SOURCES.get();
    }

    /** Writes the next random IV to {@code out[offset..offset+16)}. */
    void nextIv(byte[] out, int offset) {
        if (next == BUFFERED) {
            random.nextBytes(buffered);
            next = 0;
        }
        System.arraycopy(buffered, next, out, offset, IV_LENGTH);
        next += IV_LENGTH;
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
