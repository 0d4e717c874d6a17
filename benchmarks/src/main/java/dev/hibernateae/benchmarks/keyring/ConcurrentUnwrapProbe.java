package dev.hibernateae.benchmarks.keyring;

import dev.hibernateae.azure.testing.LocalKeyVault.Operation;
import dev.hibernateae.benchmarks.support.SessionFactories;
import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.keys.CachingKeyRing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * How many times the key store is asked to unwrap one column encryption key when {@link #threads} threads need it
 * at the same moment on a cold key ring (the goal is once: the ring's single flight). Each trial builds a new
 * hierarchy (cold ring, same provider), releases the threads together from a barrier, each thread asking for every
 * key in its own random order, and reads the Key Vault endpoint's unwrap counter. Not a JMH benchmark: the result
 * is a count, not a time (the time until every thread holds its keys is reported alongside).
 */
public final class ConcurrentUnwrapProbe {
    private final int threads;
    private final int keys;
    private final int trials;

    public ConcurrentUnwrapProbe(int threads, int keys, int trials) {
        this.threads = threads;
        this.keys = keys;
        this.trials = trials;
    }

    /**
     * What the trials saw. Every key needs at least one unwrap per trial, so a trial with as many unwraps as keys
     * unwrapped each key exactly once; {@code worstUnwrapsPerKey} bounds the most any one key took.
     */
    public record Result(int threads, int keys, int trials, List<Integer> unwrapsPerTrial, double meanUnwrapsPerKey,
            int worstUnwrapsPerKey, List<Double> stampedeMillis, boolean allThreadsGotTheSameKey) {

        public boolean exactlyOncePerKey() {
            return unwrapsPerTrial.stream().allMatch(unwraps -> unwraps == keys);
        }
    }

    public Result run() throws Exception {
        SessionFactories.quietLogging();
        List<Integer> unwrapsPerTrial = new ArrayList<>();
        boolean same = true;
        List<Double> millis = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (VaultKeyHierarchy hierarchy = new VaultKeyHierarchy(keys)) {
            List<String> names = hierarchy.encryptionKeys();
            hierarchy.newHierarchy().keyRing().cellKey(names.get(0)); // TLS connection and master key read, once
            for (int trial = 0; trial < trials; trial++) {
                CachingKeyRing ring = hierarchy.newHierarchy().keyRing();
                hierarchy.vault().resetCalls();
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<List<CellKey>>> results = new ArrayList<>();
                long begin = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    long seed = trial * 1_000L + t;
                    results.add(pool.submit(() -> {
                        List<String> order = new ArrayList<>(names);
                        Collections.shuffle(order, new Random(seed));
                        start.await(30, TimeUnit.SECONDS);
                        List<CellKey> got = new ArrayList<>(Collections.nCopies(names.size(), (CellKey) null));
                        for (String name : order) {
                            got.set(names.indexOf(name), ring.cellKey(name));
                        }
                        return got;
                    }));
                }
                List<List<CellKey>> got = new ArrayList<>();
                for (Future<List<CellKey>> result : results) {
                    got.add(result.get(60, TimeUnit.SECONDS));
                }
                millis.add((System.nanoTime() - begin) / 1e6);
                for (List<CellKey> one : got) {
                    for (int k = 0; k < names.size(); k++) {
                        same &= one.get(k) == got.get(0).get(k);
                    }
                }
                unwrapsPerTrial.add(hierarchy.vault().calls(Operation.UNWRAP_KEY));
            }
        } finally {
            pool.shutdownNow();
        }
        int total = unwrapsPerTrial.stream().mapToInt(Integer::intValue).sum();
        int worst = unwrapsPerTrial.stream().mapToInt(unwraps -> unwraps - (keys - 1)).max().orElse(0);
        return new Result(threads, keys, trials, unwrapsPerTrial, (double) total / ((long) trials * keys), worst,
                millis, same);
    }

    public static void main(String[] args) throws Exception {
        System.out.println(new ConcurrentUnwrapProbe(32, 4, args.length > 0 ? Integer.parseInt(args[0]) : 10).run());
    }
}
