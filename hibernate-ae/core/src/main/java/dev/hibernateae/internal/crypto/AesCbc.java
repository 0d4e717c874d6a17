package dev.hibernateae.internal.crypto;

import dev.hibernateae.api.CellDecryptionException;
import dev.hibernateae.api.CellDecryptionException.Reason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * AES-256-CBC with PKCS#7 padding under one key, for one thread. Short values, most of a database's cells, are
 * chained here over AES block ciphers keyed once ({@code AES/ECB/NoPadding}, one block per call): a CBC
 * {@code Cipher} would copy and re-check the key and build a new IV object for every cell, which costs more than
 * the two or three blocks themselves. Longer values go to the JDK's {@code AES/CBC/PKCS5Padding}, whose multi-block
 * intrinsics win once there are enough blocks. Both produce the same bytes; AES-NI does every block either way.
 *
 * <p>Not thread-safe (ciphers and scratch space are reused); {@link CellKey} gives each thread its own.
 */
final class AesCbc {
    static final int BLOCK = 16;
    /** Plaintexts up to this length (four blocks once padded) are chained here; longer ones go to the JDK's CBC. */
    static final int CHAINED_HERE_UP_TO = 4 * BLOCK - 1;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final SecretKey key;
    private final Cipher encryptBlock;
    private final Cipher decryptBlock;
    private final Cipher encryptChain;
    private final Cipher decryptChain;
    /** One block of chaining input: plaintext XOR a public block, so it is zeroed after each use. */
    private final byte[] block = new byte[BLOCK];
    /** A short value's padded plaintext while it is unchained: zeroed after each use. */
    private final byte[] chained = new byte[CHAINED_HERE_UP_TO + 1];

    AesCbc(SecretKey key) throws GeneralSecurityException {
        this.key = key;
        encryptBlock = Cipher.getInstance("AES/ECB/NoPadding");
        encryptBlock.init(Cipher.ENCRYPT_MODE, key);
        decryptBlock = Cipher.getInstance("AES/ECB/NoPadding");
        decryptBlock.init(Cipher.DECRYPT_MODE, key);
        encryptChain = Cipher.getInstance("AES/CBC/PKCS5Padding");
        decryptChain = Cipher.getInstance("AES/CBC/PKCS5Padding");
    }

    /** Length of the ciphertext of {@code plaintextLength} bytes: whole blocks, always at least one byte of padding. */
    static int ciphertextLength(int plaintextLength) {
        return BLOCK * (plaintextLength / BLOCK + 1);
    }

    /**
     * Encrypts {@code plaintext} under the IV at {@code out[ivOffset..ivOffset+16)} and writes the ciphertext right
     * after it, at {@code out[ivOffset + 16]}; {@code out} must have room for {@link #ciphertextLength}.
     */
    void encrypt(byte[] plaintext, byte[] out, int ivOffset) throws GeneralSecurityException {
        int offset = ivOffset + BLOCK;
        if (plaintext.length > CHAINED_HERE_UP_TO) {
            encryptChain.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(out, ivOffset, BLOCK));
            encryptChain.doFinal(plaintext, 0, plaintext.length, out, offset);
            return;
        }
        try {
            int whole = plaintext.length / BLOCK;
            int previous = ivOffset;
            for (int b = 0; b < whole; b++, previous += BLOCK) {
                xor(plaintext, b * BLOCK, out, previous, block, 0);
                encryptBlock.update(block, 0, BLOCK, out, previous + BLOCK);
            }
            int tail = plaintext.length - whole * BLOCK;
            byte padding = (byte) (BLOCK - tail);
            System.arraycopy(plaintext, whole * BLOCK, block, 0, tail);
            Arrays.fill(block, tail, BLOCK, padding);
            xor(block, 0, out, previous, block, 0);
            encryptBlock.update(block, 0, BLOCK, out, previous + BLOCK);
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }

    /**
     * Decrypts the {@code length} ciphertext bytes at {@code in[offset]}, whose IV is the block just before them,
     * and removes the padding. The caller has authenticated the bytes; padding that is still wrong means they were
     * not written by this algorithm.
     */
    byte[] decrypt(byte[] in, int offset, int length) throws GeneralSecurityException {
        if (length > CHAINED_HERE_UP_TO + 1) {
            decryptChain.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(in, offset - BLOCK, BLOCK));
            try {
                return decryptChain.doFinal(in, offset, length);
            } catch (BadPaddingException e) {
                throw invalidPadding();
            }
        }
        try {
            decryptBlock.update(in, offset, length, chained, 0);
            for (int b = 0; b < length; b += BLOCK) {
                xor(chained, b, in, offset + b - BLOCK, chained, b);
            }
            int padding = chained[length - 1];
            if (padding < 1 || padding > BLOCK) {
                throw invalidPadding();
            }
            for (int i = length - padding; i < length; i++) {
                if (chained[i] != padding) {
                    throw invalidPadding();
                }
            }
            return Arrays.copyOf(chained, length - padding);
        } finally {
            Arrays.fill(chained, 0, length, (byte) 0);
        }
    }

    /** {@code out[outOffset..+16) = a[aOffset..+16) ^ b[bOffset..+16)}; {@code out} may be {@code a} or {@code b}. */
    private static void xor(byte[] a, int aOffset, byte[] b, int bOffset, byte[] out, int outOffset) {
        long low = (long) LONGS.get(a, aOffset) ^ (long) LONGS.get(b, bOffset);
        long high = (long) LONGS.get(a, aOffset + 8) ^ (long) LONGS.get(b, bOffset + 8);
        LONGS.set(out, outOffset, low);
        LONGS.set(out, outOffset + 8, high);
    }

    private static CellDecryptionException invalidPadding() {
        return new CellDecryptionException(Reason.INVALID_PADDING,
                "Encrypted cell authenticated but has invalid padding; it was not written by this algorithm");
    }
}
