package dev.hibernateae.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.testing.AeVectors;
import dev.hibernateae.testing.AeVectors.Cell;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cells that mssql-jdbc wrote (shared/vectors/ae-vectors.json), reproduced and read back. */
class CellCipherVectorsTest {
    static List<Cell> deterministicCells() {
        return AeVectors.load().cells(EncryptionType.DETERMINISTIC);
    }

    static List<Cell> allCells() {
        return AeVectors.load().cells();
    }

    @Test
    void vectorsHoldBothEncryptionTypesIncludingAnEmptyPlaintext() {
        // Guards the parameterized tests below against silently running on an empty or one-sided file.
        assertFalse(AeVectors.load().cells(EncryptionType.DETERMINISTIC).isEmpty());
        assertFalse(AeVectors.load().cells(EncryptionType.RANDOMIZED).isEmpty());
        assertTrue(allCells().stream().anyMatch(c -> c.plaintext().length == 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deterministicCells")
    void deterministicVectorCellIsReproducedByteForByte(Cell vector) {
        CellCipher cipher = new CellCipher(CellKey.derive(vector.cek()), EncryptionType.DETERMINISTIC);
        assertArrayEquals(vector.ciphertext(), cipher.encrypt(vector.plaintext()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCells")
    void vectorCellDecryptsToItsPlaintext(Cell vector) {
        CellCipher cipher = new CellCipher(CellKey.derive(vector.cek()), vector.type());
        assertArrayEquals(vector.plaintext(), cipher.decrypt(vector.ciphertext()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCells")
    void vectorCellHasTheLengthTheFormulaGives(Cell vector) {
        assertEquals(CellCipher.cellLength(vector.plaintext().length), vector.ciphertext().length);
    }
}
