package dev.hibernateae.internal.crypto;

import dev.hibernateae.api.CellDecryptionException;
import dev.hibernateae.api.CellDecryptionException.Reason;
import dev.hibernateae.api.EncryptionType;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;

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
    private static final int IV_OFFSET = 1 + TAG_LENGTH;
    private static final int HEADER = IV_OFFSET + IV_LENGTH;
    /**
     * The byte before and the byte after the tagged bytes (the version, and the length of the version), fed as an
     * array: a digest allocates a one-byte array of its own for {@code update(byte)}.
     */
    private static final byte[] VERSION_AND_LENGTH = {VERSION};
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
        return HEADER + AesCbc.ciphertextLength(plaintextLength);
    }

    /** Encrypts one plaintext into a new cell. */
    public byte[] encrypt(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        CellWorkspace ws = key.workspace();
        byte[] cell = new byte[cellLength(plaintext.length)];
        cell[0] = VERSION;
        if (type == EncryptionType.DETERMINISTIC) {
            PrecomputedHmac ivHmac = key.ivHmac();
            MessageDigest hash = ivHmac.start();
            hash.update(plaintext);
            ivHmac.finish(hash, ws.digest, ws.digest, 0);
            System.arraycopy(ws.digest, 0, cell, IV_OFFSET, IV_LENGTH);
        } else {
            ws.randomIvs.nextIv(cell, IV_OFFSET);
        }
        try {
            ws.aes.encrypt(plaintext, cell, IV_OFFSET);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC encryption failed", e);
        }
        computeTag(key.tagHmac(), ws.digest, cell, cell, 1);
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
        computeTag(key.tagHmac(), ws.digest, cell, ws.digest, 0);
        if (!equalsInConstantTime(ws.digest, cell, 1, TAG_LENGTH)) {
            throw new CellDecryptionException(Reason.TAG_MISMATCH, "Encrypted cell failed authentication: "
                    + "it was altered, or it was encrypted under another column encryption key");
        }
        try {
            return ws.aes.decrypt(cell, HEADER, cell.length - HEADER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC decryption failed", e);
        }
    }

    /**
     * HMAC over {@code version | IV | ciphertext | versionLength}, written to {@code out} at {@code outOffset}; the
     * IV and ciphertext are contiguous in a cell.
     */
    private static void computeTag(PrecomputedHmac tagHmac, byte[] scratch, byte[] cell, byte[] out, int outOffset) {
        MessageDigest hash = tagHmac.start();
        hash.update(VERSION_AND_LENGTH, 0, 1);
        hash.update(cell, IV_OFFSET, cell.length - IV_OFFSET);
        hash.update(VERSION_AND_LENGTH, 0, 1);
        tagHmac.finish(hash, scratch, out, outOffset);
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
