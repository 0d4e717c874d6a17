package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.internal.crypto.CellCipher;

/**
 * Tells cells from plaintext in a column that holds both (while it is encrypted in place or decrypted back): a
 * cell starts with the version byte 0x01 and is 49 bytes plus whole 16-byte blocks long. Text never starts with
 * the control character 0x01, so plaintext is never taken for a cell; a value shaped like a cell that does not
 * authenticate is an error, never plaintext.
 */
public final class CellShape {
    private static final int HEADER = 1 + 32 + 16;

    private CellShape() {
    }

    public static boolean looksLikeCell(byte[] value) {
        return value.length >= CellCipher.MIN_CELL_LENGTH && (value.length - HEADER) % 16 == 0
                && value[0] == CellCipher.VERSION;
    }
}
