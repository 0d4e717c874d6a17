package dev.hibernateae.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.internal.crypto.ColumnKey;
import dev.hibernateae.spi.KeyRingListener;
import dev.hibernateae.spi.KeyRingState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the key ring tells listeners and shows in its state, over a loader and a clock the test controls. */
class CachingKeyRingObservationTest {
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final AtomicBoolean down = new AtomicBoolean();
    private final List<String> events = new CopyOnWriteArrayList<>();

    private final KeyRingListener recorder = new KeyRingListener() {
        @Override
        public void cacheHit(String keyName) {
            events.add("hit " + keyName);
        }

        @Override
        public void cacheMiss(String keyName) {
            events.add("miss " + keyName);
        }
    };

    private final ColumnKeyLoader loader = new ColumnKeyLoader() {
        @Override
        public ColumnKey load(String name) {
            return loadWithOrigin(name).key();
        }

        @Override
        public Loaded loadWithOrigin(String name) {
            if (down.get()) {
                throw new ColumnEncryptionKeyException("Column encryption key '" + name + "': key store down");
            }
            return new Loaded(ColumnKey.derive(new byte[32]), "cmk1", "TEST_RSA");
        }
    };

    @Test
    void aLookupIsAMissUntilTheKeyIsLoadedThenHitsUntilItExpires() {
        CachingKeyRing ring = new CachingKeyRing(loader, Duration.ofMinutes(10), nanos::get, recorder);
        ring.columnKey("cek1");
        ring.columnKey("cek1");
        ring.columnKey("cek1");
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        ring.columnKey("cek1");
        assertEquals(List.of("miss cek1", "hit cek1", "hit cek1", "miss cek1"), events);
    }

    @Test
    void withoutACacheEveryLookupIsAMiss() {
        CachingKeyRing ring = new CachingKeyRing(loader, Duration.ZERO, nanos::get, recorder);
        ring.columnKey("cek1");
        ring.columnKey("cek1");
        assertEquals(List.of("miss cek1", "miss cek1"), events);
        assertTrue(ring.state().cachedKeys().isEmpty());
        assertEquals(Duration.ZERO, ring.state().timeToLive());
    }

    @Test
    void theStateShowsEachCachedKeysOriginAndRemainingTimeToLive() {
        CachingKeyRing ring = new CachingKeyRing(loader, Duration.ofMinutes(10), nanos::get, recorder);
        ring.columnKey("cek2");
        nanos.addAndGet(Duration.ofMinutes(4).toNanos());
        ring.columnKey("cek1");

        KeyRingState state = ring.state();
        assertEquals(Duration.ofMinutes(10), state.timeToLive());
        assertEquals(List.of(new KeyRingState.CachedKey("cek1", "cmk1", "TEST_RSA", state.cachedKeys().get(0).loadedAt(),
                Duration.ofMinutes(10)), new KeyRingState.CachedKey("cek2", "cmk1", "TEST_RSA",
                state.cachedKeys().get(1).loadedAt(), Duration.ofMinutes(6))), state.cachedKeys());
        assertEquals(Duration.ofMinutes(4), Duration.between(state.cachedKeys().get(1).loadedAt(),
                state.cachedKeys().get(0).loadedAt()));
        assertTrue(state.healthy());

        nanos.addAndGet(Duration.ofMinutes(6).toNanos());
        assertEquals(List.of("cek1"), ring.state().cachedKeys().stream().map(KeyRingState.CachedKey::name).toList(),
                "an expired key is no longer shown as cached");
    }

    @Test
    void aKeyWhoseLoadFailedIsFailingUntilItLoadsAgainAndTheLastFailureIsKept() {
        CachingKeyRing ring = new CachingKeyRing(loader, Duration.ofMinutes(10), nanos::get, recorder);
        down.set(true);
        assertThrows(ColumnEncryptionKeyException.class, () -> ring.columnKey("cek1"));

        KeyRingState failing = ring.state();
        assertFalse(failing.healthy());
        KeyRingState.KeyFailure failure = failing.failingKeys().get(0);
        assertEquals("cek1", failure.keyName());
        assertEquals(ColumnEncryptionKeyException.class.getName(), failure.failure());
        assertTrue(failure.message().contains("key store down"), failure.message());
        assertEquals(failure, failing.lastFailure().orElseThrow());

        down.set(false);
        ring.columnKey("cek1");
        KeyRingState recovered = ring.state();
        assertTrue(recovered.healthy());
        assertEquals("cek1", recovered.lastFailure().orElseThrow().keyName());
        assertEquals(1, recovered.cachedKeys().size());
    }

    @Test
    void theMappedKeysThatWereNeverAskedForAreUnloaded() {
        CachingKeyRing ring = new CachingKeyRing(loader, Duration.ofMinutes(10), nanos::get, recorder);
        ring.columnKey("cek1");
        KeyRingState state = ring.state().withMappedKeys(java.util.Set.of("cek1", "cek2"));
        assertEquals(List.of("cek2"), List.copyOf(state.unloadedKeys()));
    }

    @Test
    void aListenerThatThrowsNeverFailsALookup() {
        KeyRingListener broken = new KeyRingListener() {
            @Override
            public void cacheHit(String keyName) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void cacheMiss(String keyName) {
                throw new IllegalStateException("listener bug");
            }
        };
        CachingKeyRing ring = new CachingKeyRing(loader, Duration.ofMinutes(10), nanos::get,
                KeyRingListeners.of(List.of(broken, recorder)));
        ColumnKey first = ring.columnKey("cek1");
        assertSame(first, ring.columnKey("cek1"));
        assertEquals(List.of("miss cek1", "hit cek1"), events, "the next listener still heard both");
    }

    @Test
    void listenersComeFromTheSettingAsClassNamesOrInstances() {
        List<KeyRingListener> listeners = KeyRingListeners.from(AeConfig.of(Map.of(EncryptionSettings.KEY_RING_LISTENERS,
                List.of(CountingListener.class.getName() + " , " + CountingListener.class.getName(), recorder))),
                getClass().getClassLoader());
        assertEquals(3, listeners.size());
        assertInstanceOf(CountingListener.class, listeners.get(0));
        assertSame(recorder, listeners.get(2));

        AlwaysEncryptedException wrong = assertThrows(AlwaysEncryptedException.class, () -> KeyRingListeners
                .from(AeConfig.of(Map.of(EncryptionSettings.KEY_RING_LISTENERS, "java.lang.String")),
                        getClass().getClassLoader()));
        assertTrue(wrong.getMessage().contains(EncryptionSettings.KEY_RING_LISTENERS), wrong.getMessage());
        assertSame(KeyRingListeners.NONE, KeyRingListeners.of(List.of()));
    }

    /** A listener named by class. */
    public static final class CountingListener implements KeyRingListener {
        public CountingListener() {
        }
    }
}
