package dev.hibernateae.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.testing.MssqlCellCipher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * hibernate-ae against Microsoft's own cell code (mssql-jdbc 13.6.2), on thousands of random keys and plaintexts:
 * the two must be interchangeable in both directions.
 */
class CellCipherMssqlCrossCheckTest {
    private static final int PLAINTEXTS = 3000;
    private static final int PER_KEY = 25;

    @Test
    void deterministicCellsEqualMssqlJdbcCellsByteForByte() {
        RandomCells random = new RandomCells();
        int compared = 0;
        for (RandomCells.Batch batch : random.batches(PLAINTEXTS, PER_KEY)) {
            CellCipher ours = new CellCipher(CellKey.derive(batch.cek()), EncryptionType.DETERMINISTIC);
            MssqlCellCipher theirs = new MssqlCellCipher(batch.cek(), EncryptionType.DETERMINISTIC);
            for (byte[] plaintext : batch.plaintexts()) {
                assertArrayEquals(theirs.encrypt(plaintext), ours.encrypt(plaintext),
                        () -> "deterministic cell of a " + plaintext.length + "-byte plaintext, " + random);
                compared++;
            }
        }
        assertEquals(PLAINTEXTS, compared);
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void mssqlJdbcDecryptsCellsWeEncrypt(EncryptionType type) {
        RandomCells random = new RandomCells();
        int checked = 0;
        for (RandomCells.Batch batch : random.batches(PLAINTEXTS, PER_KEY)) {
            CellCipher ours = new CellCipher(CellKey.derive(batch.cek()), type);
            MssqlCellCipher theirs = new MssqlCellCipher(batch.cek(), type);
            for (byte[] plaintext : batch.plaintexts()) {
                byte[] cell = ours.encrypt(plaintext);
                assertEquals(CellCipher.cellLength(plaintext.length), cell.length);
                assertArrayEquals(plaintext, theirs.decrypt(cell),
                        () -> type + " cell of a " + plaintext.length + "-byte plaintext, " + random);
                checked++;
            }
        }
        assertEquals(PLAINTEXTS, checked);
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void weDecryptCellsMssqlJdbcEncrypts(EncryptionType type) {
        RandomCells random = new RandomCells();
        int checked = 0;
        for (RandomCells.Batch batch : random.batches(PLAINTEXTS, PER_KEY)) {
            CellCipher ours = new CellCipher(CellKey.derive(batch.cek()), type);
            MssqlCellCipher theirs = new MssqlCellCipher(batch.cek(), type);
            for (byte[] plaintext : batch.plaintexts()) {
                byte[] cell = theirs.encrypt(plaintext);
                assertArrayEquals(plaintext, ours.decrypt(cell),
                        () -> type + " cell of a " + plaintext.length + "-byte plaintext, " + random);
                checked++;
            }
        }
        assertEquals(PLAINTEXTS, checked);
    }

    @Test
    void everyLengthFromZeroToSixtyFourIsCovered() {
        // The cross-checks above rely on this: block boundaries (15/16/17, 31/32/33, ...) all get exercised.
        List<RandomCells.Batch> batches = new RandomCells(42).batches(PLAINTEXTS, PER_KEY);
        boolean[] seen = new boolean[65];
        batches.forEach(b -> b.plaintexts().stream().filter(p -> p.length <= 64).forEach(p -> seen[p.length] = true));
        for (int length = 0; length <= 64; length++) {
            assertEquals(true, seen[length], "length " + length);
        }
    }
}
