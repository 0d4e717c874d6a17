package dev.hibernateae.internal.crypto;

import javax.crypto.SecretKey;

/**
 * One thread's working objects for one {@link CellKey}: AES keyed once, the thread's IV source, and scratch space.
 * The HMAC states are shared by all threads (they are only ever copied) and live in the key. Never shared between
 * threads.
 */
final class CellWorkspace {
    final SecretKey encryptionKey;
    final AesCbc aes;
    final RandomIvSource randomIvs;
    /** Room for one HMAC-SHA256 output or inner hash. */
    final byte[] digest = new byte[PrecomputedHmac.LENGTH];

    CellWorkspace(SecretKey encryptionKey, AesCbc aes, RandomIvSource randomIvs) {
        this.encryptionKey = encryptionKey;
        this.aes = aes;
        this.randomIvs = randomIvs;
    }
}
