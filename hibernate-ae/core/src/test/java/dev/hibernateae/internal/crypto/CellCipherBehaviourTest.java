package dev.hibernateae.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hibernateae.api.EncryptionType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What callers may rely on: determinism, randomness, cell lengths, and inputs left untouched. */
class CellCipherBehaviourTest {
    private final RandomCells random = new RandomCells();
    private final byte[] cek = random.bytes(CellKey.KEY_LENGTH);

    @Test
    void equalPlaintextsGiveEqualDeterministicCells() {
        CellCipher cipher = new CellCipher(CellKey.derive(cek), EncryptionType.DETERMINISTIC);
        byte[] plaintext = random.bytes(23);
        assertArrayEquals(cipher.encrypt(plaintext), cipher.encrypt(plaintext.clone()));
    }

    @Test
    void equalPlaintextsGiveEqualDeterministicCellsUnderSeparatelyDerivedKeys() {
        // A key evicted from the key ring and derived again must still match what is stored.
        byte[] plaintext = random.bytes(40);
        byte[] first = new CellCipher(CellKey.derive(cek), EncryptionType.DETERMINISTIC).encrypt(plaintext);
        byte[] second = new CellCipher(CellKey.derive(cek.clone()), EncryptionType.DETERMINISTIC).encrypt(plaintext);
        assertArrayEquals(first, second);
    }

    @Test
    void differentPlaintextsGiveDifferentDeterministicCells() {
        CellCipher cipher = new CellCipher(CellKey.derive(cek), EncryptionType.DETERMINISTIC);
        byte[] plaintext = random.bytes(16);
        byte[] neighbour = plaintext.clone();
        neighbour[15] ^= 1;
        assertFalse(Arrays.equals(cipher.encrypt(plaintext), cipher.encrypt(neighbour)));
    }

    @Test
    void equalPlaintextsGiveDifferentRandomizedCells() {
        CellCipher cipher = new CellCipher(CellKey.derive(cek), EncryptionType.RANDOMIZED);
        byte[] plaintext = random.bytes(5);
        Set<String> ivs = new HashSet<>();
        Set<String> cells = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            byte[] cell = cipher.encrypt(plaintext);
            ivs.add(HexFormat.of().formatHex(cell, 33, 49));
            cells.add(HexFormat.of().formatHex(cell));
            assertArrayEquals(plaintext, cipher.decrypt(cell));
        }
        assertEquals(1000, ivs.size(), "every randomized cell has a fresh IV");
        assertEquals(1000, cells.size());
    }

    @Test
    void cellLengthIs65ForPlaintextsOf0To15Bytes() {
        for (int n = 0; n <= 15; n++) {
            assertEquals(65, CellCipher.cellLength(n), "plaintext of " + n + " bytes");
        }
        assertEquals(65, CellCipher.MIN_CELL_LENGTH);
    }

    @Test
    void cellLengthIs81ForPlaintextsOf16To31Bytes() {
        for (int n = 16; n <= 31; n++) {
            assertEquals(81, CellCipher.cellLength(n), "plaintext of " + n + " bytes");
        }
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void encryptedCellsHaveTheFormulaLengthAndVersionByte(EncryptionType type) {
        CellCipher cipher = new CellCipher(CellKey.derive(cek), type);
        for (int n = 0; n <= 300; n++) {
            byte[] cell = cipher.encrypt(random.bytes(n));
            assertEquals(1 + 32 + 16 + 16 * (n / 16 + 1), cell.length, "plaintext of " + n + " bytes");
            assertEquals(CellCipher.cellLength(n), cell.length);
            assertEquals(CellCipher.VERSION, cell[0]);
        }
    }

    @Test
    void cellLengthRejectsANegativeLength() {
        assertThrows(IllegalArgumentException.class, () -> CellCipher.cellLength(-1));
    }

    @Test
    void decryptionDoesNotDependOnTheEncryptionType() {
        // The type only chooses the IV; any cipher on the same key reads both kinds of cell, as SQL Server does.
        CellKey key = CellKey.derive(cek);
        byte[] plaintext = random.bytes(30);
        byte[] deterministic = new CellCipher(key, EncryptionType.DETERMINISTIC).encrypt(plaintext);
        byte[] randomized = new CellCipher(key, EncryptionType.RANDOMIZED).encrypt(plaintext);
        assertArrayEquals(plaintext, new CellCipher(key, EncryptionType.RANDOMIZED).decrypt(deterministic));
        assertArrayEquals(plaintext, new CellCipher(key, EncryptionType.DETERMINISTIC).decrypt(randomized));
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void encryptAndDecryptLeaveTheirInputsUntouched(EncryptionType type) {
        CellCipher cipher = new CellCipher(CellKey.derive(cek), type);
        byte[] plaintext = random.bytes(33);
        byte[] plaintextCopy = plaintext.clone();
        byte[] cell = cipher.encrypt(plaintext);
        byte[] cellCopy = cell.clone();
        byte[] decrypted = cipher.decrypt(cell);
        assertArrayEquals(plaintextCopy, plaintext);
        assertArrayEquals(cellCopy, cell);
        decrypted[0] ^= 1; // the result is the caller's own array
        assertArrayEquals(plaintextCopy, cipher.decrypt(cell));
    }

    @Test
    void nullInputsAreRejected() {
        CellCipher cipher = new CellCipher(CellKey.derive(cek), EncryptionType.RANDOMIZED);
        assertThrows(NullPointerException.class, () -> cipher.encrypt(null));
        assertThrows(NullPointerException.class, () -> cipher.decrypt(null));
        assertThrows(NullPointerException.class, () -> new CellCipher(null, EncryptionType.RANDOMIZED));
        assertThrows(NullPointerException.class, () -> new CellCipher(CellKey.derive(cek), null));
    }
}
