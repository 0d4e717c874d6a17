package dev.hibernateae.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.testing.MssqlCellCipher;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One {@link CellKey} shared by many threads, as the key ring shares it: every result must be what a single thread
 * (and mssql-jdbc) computes, whatever the interleaving.
 */
class CellCipherConcurrencyTest {
    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 4000;
    private static final int DISTINCT_PLAINTEXTS = 200;

    @Test
    void eightThreadsSharingOneKeyGetCorrectCells() throws Exception {
        RandomCells random = new RandomCells();
        byte[] cek = random.bytes(CellKey.KEY_LENGTH);
        // Expected deterministic cells come from mssql-jdbc, computed on this thread before the race.
        MssqlCellCipher reference = new MssqlCellCipher(cek, EncryptionType.DETERMINISTIC);
        List<byte[]> plaintexts = new ArrayList<>();
        List<byte[]> expectedCells = new ArrayList<>();
        for (int i = 0; i < DISTINCT_PLAINTEXTS; i++) {
            byte[] plaintext = random.bytes(i % 70);
            plaintexts.add(plaintext);
            expectedCells.add(reference.encrypt(plaintext));
        }

        CellKey key = CellKey.derive(cek);
        CellCipher deterministic = new CellCipher(key, EncryptionType.DETERMINISTIC);
        CellCipher randomized = new CellCipher(key, EncryptionType.RANDOMIZED);
        Set<String> randomIvs = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * 17;
                results.add(pool.submit(() -> {
                    start.await();
                    int verified = 0;
                    for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                        int which = (offset + i) % DISTINCT_PLAINTEXTS;
                        byte[] plaintext = plaintexts.get(which);
                        switch (i % 3) {
                            case 0 -> assertArrayEquals(expectedCells.get(which), deterministic.encrypt(plaintext));
                            case 1 -> assertArrayEquals(plaintext, randomized.decrypt(expectedCells.get(which)));
                            default -> {
                                byte[] cell = randomized.encrypt(plaintext);
                                randomIvs.add(HexFormat.of().formatHex(cell, 33, 49));
                                assertArrayEquals(plaintext, deterministic.decrypt(cell));
                            }
                        }
                        verified++;
                    }
                    return verified;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS); // rethrows any thread's assertion failure
            }
            assertEquals(THREADS * OPERATIONS_PER_THREAD, total);
        } finally {
            pool.shutdownNow();
        }
        int randomizedCells = THREADS * (OPERATIONS_PER_THREAD / 3); // every third operation
        assertEquals(randomizedCells, randomIvs.size(), "no two randomized cells on any threads share an IV");
    }
}
