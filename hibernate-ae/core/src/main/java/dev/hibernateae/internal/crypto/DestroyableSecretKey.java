package dev.hibernateae.internal.crypto;

import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * A raw secret key whose bytes can be zeroed. {@code SecretKeySpec} cannot be destroyed on Java 17, so the
 * derived keys are held here; copies that JCE providers make internally are beyond reach.
 */
final class DestroyableSecretKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final byte[] bytes;
    private volatile boolean destroyed;

    DestroyableSecretKey(byte[] bytes, String algorithm) {
        this.bytes = bytes.clone();
        this.algorithm = algorithm;
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException("The " + algorithm + " key was destroyed");
        }
        return bytes.clone();
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "DestroyableSecretKey[" + algorithm + ", redacted]";
    }
}
