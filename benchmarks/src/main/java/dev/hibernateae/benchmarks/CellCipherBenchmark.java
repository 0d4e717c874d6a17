package dev.hibernateae.benchmarks;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.benchmarks.CellImplementation.Cells;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one cell: encrypt and decrypt, deterministic and randomized, for a 16-byte and a 1 KiB plaintext,
 * for the JCE floor, hibernate-ae's {@code CellCipher} and mssql-jdbc's cell class (see {@link CellImplementation}).
 * Keys are derived once in setup, as every implementation caches them per column encryption key.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CellCipherBenchmark {
    @Param({"FLOOR", "HIBERNATE_AE", "MSSQL_JDBC"})
    public CellImplementation impl;

    @Param({"16", "1024"})
    public int size;

    private Cells deterministic;
    private Cells randomized;
    private byte[] plaintext;
    private byte[] deterministicCell;
    private byte[] randomizedCell;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20_260_101L);
        byte[] cek = new byte[32];
        random.nextBytes(cek);
        plaintext = new byte[size];
        random.nextBytes(plaintext);

        deterministic = impl.create(cek, EncryptionType.DETERMINISTIC);
        randomized = impl.create(cek, EncryptionType.RANDOMIZED);
        deterministicCell = deterministic.encrypt().apply(plaintext);
        randomizedCell = randomized.encrypt().apply(plaintext);
        verifyAgainstTheOtherImplementations(cek);
    }

    /** Measures nothing unless all three write the same deterministic cell and read each other's cells. */
    private void verifyAgainstTheOtherImplementations(byte[] cek) {
        for (CellImplementation other : CellImplementation.values()) {
            Cells otherDeterministic = other.create(cek, EncryptionType.DETERMINISTIC);
            Cells otherRandomized = other.create(cek, EncryptionType.RANDOMIZED);
            byte[] otherCell = otherDeterministic.encrypt().apply(plaintext);
            if (!Arrays.equals(deterministicCell, otherCell)) {
                throw new IllegalStateException(impl + " and " + other + " write different deterministic cells: "
                        + HexFormat.of().formatHex(deterministicCell) + " vs " + HexFormat.of().formatHex(otherCell));
            }
            check(other + " reads " + impl + "'s randomized cell", otherRandomized.decrypt().apply(randomizedCell));
            check(impl + " reads " + other + "'s randomized cell",
                    randomized.decrypt().apply(otherRandomized.encrypt().apply(plaintext)));
            check(impl + " reads its deterministic cell", deterministic.decrypt().apply(deterministicCell));
        }
    }

    private void check(String what, byte[] decrypted) {
        if (!Arrays.equals(plaintext, decrypted)) {
            throw new IllegalStateException("Setup check failed: " + what);
        }
    }

    @Benchmark
    public byte[] encryptDeterministic() {
        return deterministic.encrypt().apply(plaintext);
    }

    @Benchmark
    public byte[] encryptRandomized() {
        return randomized.encrypt().apply(plaintext);
    }

    @Benchmark
    public byte[] decryptDeterministic() {
        return deterministic.decrypt().apply(deterministicCell);
    }

    @Benchmark
    public byte[] decryptRandomized() {
        return randomized.decrypt().apply(randomizedCell);
    }
}
