package dev.hibernateae.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.internal.crypto.ColumnKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache itself, over a loader the test controls. */
class CachingKeyRingTest {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void callersThatJoinAFailingLoadShareItsFailureAndTheNextCallTriesAgain() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CachingKeyRing ring = new CachingKeyRing(name -> {
            if (loads.incrementAndGet() == 1) {
                loading.countDown();
                await(release);
                throw new ColumnEncryptionKeyException("key store down for " + name);
            }
            return key();
        }, Duration.ofHours(1), nanos::get);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ColumnKey>> calls = new ArrayList<>();
            calls.add(pool.submit(() -> ring.columnKey("cek")));
            loading.await();
            for (int i = 0; i < 3; i++) {
                calls.add(pool.submit(() -> ring.columnKey("cek")));
            }
            awaitParked(pool, calls.size());
            release.countDown();
            for (Future<ColumnKey> call : calls) {
                ExecutionException failure = assertThrows(ExecutionException.class, () -> call.get(60, TimeUnit.SECONDS));
                assertTrue(failure.getCause() instanceof ColumnEncryptionKeyException, failure.getCause().toString());
            }
            assertEquals(1, loads.get(), "one load, one failure shared");
            ring.columnKey("cek");
            assertEquals(2, loads.get(), "a failure is not cached");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void expiredKeysOfNamesNobodyAsksForAreDroppedWhenAnotherKeyLoads() {
        CachingKeyRing ring = new CachingKeyRing(name -> key(), Duration.ofMinutes(10), nanos::get);
        ring.columnKey("old");
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        ring.columnKey("new");
        assertEquals(1, ring.size());
    }

    @Test
    void anInvalidatedKeyIsLoadedAgain() {
        CachingKeyRing ring = new CachingKeyRing(name -> {
            loads.incrementAndGet();
            return key();
        }, Duration.ofHours(1), nanos::get);
        ColumnKey first = ring.columnKey("cek");
        assertSame(first, ring.columnKey("cek"));
        ring.invalidate("cek");
        ring.columnKey("cek");
        assertEquals(2, loads.get());
    }

    @Test
    void aMissingKeyNameIsAnError() {
        CachingKeyRing ring = new CachingKeyRing(name -> key(), Duration.ofHours(1), nanos::get);
        assertThrows(ColumnEncryptionKeyException.class, () -> ring.columnKey(" "));
        assertThrows(ColumnEncryptionKeyException.class, () -> ring.columnKey(null));
    }

    private static ColumnKey key() {
        return ColumnKey.derive(new byte[32]);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every pool thread is parked: the loader at its latch, the others joining its load. */
    private static void awaitParked(ExecutorService pool, int threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long parked = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("pool-"))
                    .filter(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)
                    .filter(t -> java.util.Arrays.stream(t.getStackTrace())
                            .anyMatch(f -> f.getClassName().equals(CachingKeyRing.class.getName())))
                    .count();
            if (parked >= threads) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("callers never parked");
    }
}
