package dev.hibernateae.internal.crypto;

import dev.hibernateae.api.CellDecryptionException;
import dev.hibernateae.api.CellDecryptionException.Reason;
import dev.hibernateae.api.EncryptionType;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;

/**
 * AEAD_AES_256_CBC_HMAC_SHA256 cells, byte for byte as SQL Server Always Encrypted writes them:
 * {@code 0x01 | tag (32) | IV (16) | AES-256-CBC-PKCS7 ciphertext}, where the tag is HMAC-SHA256 under the MAC key
 * over {@code 0x01 | IV | ciphertext | 0x01}. Deterministic cells take their IV from HMAC-SHA256 of the
 * plaintext under the IV key; randomized cells take 16 random bytes.
 *
 * <p>Thread-safe and cheap to create: all state lives in the {@link CellKey}.
 */
public final class CellCipher {
    /** The only algorithm version SQL Server defines. */
    public static final byte VERSION = 0x01;
    private static final int TAG_LENGTH = 32;
    private static final int IV_LENGTH = 16;
    private static final int BLOCK = 16;
    private static final int HEADER = 1 + TAG_LENGTH + IV_LENGTH;
    /** The smallest cell: an empty plaintext still pads to one block. */
    public static final int MIN_CELL_LENGTH = HEADER + BLOCK;

    private final CellKey key;
    private final EncryptionType type;

    public CellCipher(CellKey key, EncryptionType type) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
    }

    public EncryptionType type() {
        return type;
    }

    /** The length of the cell for a plaintext of {@code plaintextLength} bytes. */
    public static int cellLength(int plaintextLength) {
        if (plaintextLength < 0) {
            throw new IllegalArgumentException("negative plaintext length");
        }
        return HEADER + BLOCK * (plaintextLength / BLOCK + 1);
    }

    /** Encrypts one plaintext into a new cell. */
    public byte[] encrypt(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        CellWorkspace ws = key.workspace();
        byte[] iv = ws.iv;
        if (type == EncryptionType.DETERMINISTIC) {
            try {
                ws.ivMac.update(plaintext);
                ws.ivMac.doFinal(ws.digest, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 failed", e);
            }
            System.arraycopy(ws.digest, 0, iv, 0, IV_LENGTH);
        } else {
            RandomIvSource.nextIv(iv);
        }

        byte[] cell = new byte[cellLength(plaintext.length)];
        cell[0] = VERSION;
        System.arraycopy(iv, 0, cell, 1 + TAG_LENGTH, IV_LENGTH);
        try {
            Cipher aes = ws.encryptCipher;
            aes.init(Cipher.ENCRYPT_MODE, ws.encryptionKey, new IvParameterSpec(iv));
            int written = aes.doFinal(plaintext, 0, plaintext.length, cell, HEADER);
            if (written != cell.length - HEADER) {
                throw new IllegalStateException("AES-CBC wrote " + written + " bytes, expected " + (cell.length - HEADER));
            }
            computeTag(ws.tagMac, cell, cell.length, cell, 1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC encryption failed", e);
        }
        return cell;
    }

    /**
     * Decrypts a cell, after checking its length, version and tag (in constant time). Any failure is a
     * {@link CellDecryptionException}; no bytes are returned for a cell that does not authenticate.
     */
    public byte[] decrypt(byte[] cell) {
        Objects.requireNonNull(cell, "cell");
        if (cell.length < MIN_CELL_LENGTH || (cell.length - HEADER) % BLOCK != 0) {
            throw new CellDecryptionException(Reason.MALFORMED_LENGTH, "Encrypted cell has a malformed length of "
                    + cell.length + " bytes (a cell is 49 bytes plus whole 16-byte blocks, at least 65): "
                    + "truncated, extended, or not an encrypted value");
        }
        if (cell[0] != VERSION) {
            throw new CellDecryptionException(Reason.UNKNOWN_VERSION, String.format(
                    "Encrypted cell has version byte 0x%02x; only 0x01 (AEAD_AES_256_CBC_HMAC_SHA256) exists", cell[0]));
        }
        CellWorkspace ws = key.workspace();
        try {
            computeTag(ws.tagMac, cell, cell.length, ws.digest, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
        if (!equalsInConstantTime(ws.digest, cell, 1, TAG_LENGTH)) {
            throw new CellDecryptionException(Reason.TAG_MISMATCH, "Encrypted cell failed authentication: "
                    + "it was altered, or it was encrypted under another column encryption key");
        }
        try {
            Cipher aes = ws.decryptCipher;
            aes.init(Cipher.DECRYPT_MODE, ws.encryptionKey, new IvParameterSpec(cell, 1 + TAG_LENGTH, IV_LENGTH));
            return aes.doFinal(cell, HEADER, cell.length - HEADER);
        } catch (BadPaddingException e) {
            throw new CellDecryptionException(Reason.INVALID_PADDING,
                    "Encrypted cell authenticated but has invalid padding; it was not written by this algorithm");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC decryption failed", e);
        }
    }

    /** HMAC over {@code version | IV | ciphertext | versionLength}; the IV and ciphertext are contiguous in a cell. */
    private static void computeTag(Mac mac, byte[] cell, int cellLength, byte[] out, int outOffset)
            throws GeneralSecurityException {
        mac.update(VERSION);
        mac.update(cell, 1 + TAG_LENGTH, cellLength - 1 - TAG_LENGTH);
        mac.update((byte) 1);
        mac.doFinal(out, outOffset);
    }

    private static boolean equalsInConstantTime(byte[] expected, byte[] actual, int offset, int length) {
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= expected[i] ^ actual[offset + i];
        }
        return diff == 0;
    }

    @Override
    public String toString() {
        return "CellCipher[" + type + "]";
    }
}
