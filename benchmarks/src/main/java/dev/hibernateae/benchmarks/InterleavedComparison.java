package dev.hibernateae.benchmarks;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.benchmarks.CellImplementation.Cells;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * A companion to the JMH run for shared, noisy machines: the three implementations take turns in short rounds
 * inside one JVM, so a burst of load from a neighbour hits all three alike, and the ratio of each round is paired.
 * JMH runs one implementation after another, so there a burst lands on whichever happens to be running.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.hibernateae.benchmarks.InterleavedComparison}
 * [rounds, default 30] [round length in ms, default 200]. Prints, per operation and size, the median ns/op of each
 * implementation and the median of the per-round ratios.
 */
public final class InterleavedComparison {
    private static final CellImplementation[] IMPLEMENTATIONS = CellImplementation.values();
    private static long sink;

    private InterleavedComparison() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long roundNanos = (args.length > 1 ? Long.parseLong(args[1]) : 200) * 1_000_000L;
        System.out.println("| benchmark | plaintext | JCE floor ns/op | hibernate-ae ns/op | mssql-jdbc ns/op "
                + "| hibernate-ae ÷ floor | mssql-jdbc ÷ hibernate-ae |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String operation : List.of("encryptDeterministic", "encryptRandomized", "decryptDeterministic",
                "decryptRandomized")) {
            for (int size : new int[] {16, 1024}) {
                compare(operation, size, rounds, roundNanos);
            }
        }
        System.out.println("(sink " + (sink & 1) + ")");
    }

    private static void compare(String operation, int size, int rounds, long roundNanos) {
        SplittableRandom random = new SplittableRandom(20_260_101L);
        byte[] cek = new byte[32];
        random.nextBytes(cek);
        byte[] plaintext = new byte[size];
        random.nextBytes(plaintext);
        EncryptionType type = operation.endsWith("Deterministic") ? EncryptionType.DETERMINISTIC : EncryptionType.RANDOMIZED;
        boolean encrypt = operation.startsWith("encrypt");

        int n = IMPLEMENTATIONS.length;
        List<UnaryOperator<byte[]>> operations = new ArrayList<>();
        byte[][] inputs = new byte[n][];
        for (int i = 0; i < n; i++) {
            Cells cells = IMPLEMENTATIONS[i].create(cek, type);
            operations.add(encrypt ? cells.encrypt() : cells.decrypt());
            inputs[i] = encrypt ? plaintext : cells.encrypt().apply(plaintext);
        }
        for (int i = 0; i < n; i++) { // warm-up, longer than any round
            run(operations.get(i), inputs[i], roundNanos * 10);
        }
        double[][] nanosPerOp = new double[n][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < n; k++) {
                int i = (round + k) % n; // rotate who goes first
                nanosPerOp[i][round] = run(operations.get(i), inputs[i], roundNanos);
            }
        }
        double[] oursOverFloor = new double[rounds];
        double[] mssqlOverOurs = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            oursOverFloor[round] = nanosPerOp[1][round] / nanosPerOp[0][round];
            mssqlOverOurs[round] = nanosPerOp[2][round] / nanosPerOp[1][round];
        }
        System.out.printf(Locale.ROOT, "| %s | %d B | %,.0f | %,.0f | %,.0f | %.2fx | %.1fx |%n", operation, size,
                median(nanosPerOp[0]), median(nanosPerOp[1]), median(nanosPerOp[2]), median(oursOverFloor),
                median(mssqlOverOurs));
    }

    private static double run(UnaryOperator<byte[]> operation, byte[] input, long nanos) {
        long operations = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (int i = 0; i < 256; i++) {
                sink += operation.apply(input)[0];
            }
            operations += 256;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return (double) elapsed / operations;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
