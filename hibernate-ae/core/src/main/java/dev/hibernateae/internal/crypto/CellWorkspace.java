package dev.hibernateae.internal.crypto;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * One thread's keyed objects for one {@link CellKey}: HMAC instances already initialized with the MAC and IV keys
 * (a {@code Mac} returns to its keyed state after {@code doFinal}), AES ciphers, and scratch space. Never shared
 * between threads.
 */
final class CellWorkspace {
    final SecretKey encryptionKey;
    final Mac tagMac;
    final Mac ivMac;
    final Cipher encryptCipher;
    final Cipher decryptCipher;
    /** Room for one HMAC-SHA256 output. */
    final byte[] digest = new byte[32];
    /** Room for one IV. */
    final byte[] iv = new byte[16];

    CellWorkspace(SecretKey encryptionKey, Mac tagMac, Mac ivMac, Cipher encryptCipher, Cipher decryptCipher) {
        this.encryptionKey = encryptionKey;
        this.tagMac = tagMac;
        this.ivMac = ivMac;
        this.encryptCipher = encryptCipher;
        this.decryptCipher = decryptCipher;
    }
}
