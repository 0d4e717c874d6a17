package dev.hibernateae.internal.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random IVs without a global lock: one DRBG per thread. The JDK's default {@code NativePRNG} funnels every
 * thread through one synchronized reader, which would serialize randomized encryption.
 */
final class RandomIvSource {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RandomIvSource::newRandom);

    private RandomIvSource() {
    }

    static void nextIv(byte[] iv) {
        RANDOM.get().nextBytes(iv);
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
