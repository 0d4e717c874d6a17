package dev.hibernateae.spring.actuate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.api.ColumnMasterKeyException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The meters on their own: what happens before the registry exists, and how many key names become tags. */
class KeyRingMetersTest {

    @Test
    void eventsBeforeTheRegistryIsBoundAreCountedAndTimed() {
        KeyRingMeters meters = new KeyRingMeters();
        meters.cacheMiss("cek1");
        meters.keyUnwrapped("cek1", "AZURE_KEY_VAULT", Duration.ofMillis(40));
        meters.keyStoreFailed("cek2", "AZURE_KEY_VAULT", ColumnMasterKeyException.class, Duration.ofMillis(900));
        meters.cacheHit("cek1");

        MeterRegistry registry = new SimpleMeterRegistry();
        meters.bindTo(registry);
        meters.cacheHit("cek1");
        meters.keyUnwrapped("cek2", "AZURE_KEY_VAULT", Duration.ofMillis(60));

        assertEquals(2.0, registry.get(KeyRingMeters.CACHE_HITS).tag("key", "cek1").functionCounter().count());
        assertEquals(1.0, registry.get(KeyRingMeters.CACHE_MISSES).tag("key", "cek1").functionCounter().count());
        assertEquals(1.0, registry.get(KeyRingMeters.UNWRAPS).tags("key", "cek2", "provider", "AZURE_KEY_VAULT")
                .functionCounter().count());
        assertEquals(1.0, registry.get(KeyRingMeters.KEYSTORE_FAILURES).tags("key", "cek2", "provider",
                "AZURE_KEY_VAULT", "exception", "ColumnMasterKeyException").functionCounter().count());
        var success = registry.get(KeyRingMeters.KEYSTORE_LATENCY).tags("provider", "AZURE_KEY_VAULT", "outcome",
                "success").timer();
        assertEquals(2, success.count());
        assertEquals(100.0, success.totalTime(TimeUnit.MILLISECONDS), 0.001);
        assertEquals(1, registry.get(KeyRingMeters.KEYSTORE_LATENCY).tag("outcome", "failure").timer().count());
    }

    @Test
    void aRegistryBoundLaterSeesTheSameCounts() {
        KeyRingMeters meters = new KeyRingMeters();
        MeterRegistry first = new SimpleMeterRegistry();
        meters.bindTo(first);
        meters.cacheHit("cek1");
        MeterRegistry second = new SimpleMeterRegistry();
        meters.bindTo(second);
        meters.cacheHit("cek1");
        assertEquals(2.0, first.get(KeyRingMeters.CACHE_HITS).functionCounter().count());
        assertEquals(2.0, second.get(KeyRingMeters.CACHE_HITS).functionCounter().count());
    }

    /** Key names may come from key rows a database administrator writes: only so many become tag values. */
    @Test
    void keyNamesBeyondTheLimitAreCountedTogether() {
        KeyRingMeters meters = new KeyRingMeters();
        MeterRegistry registry = new SimpleMeterRegistry();
        meters.bindTo(registry);
        for (int i = 0; i < KeyRingMeters.MAX_KEY_NAMES + 50; i++) {
            meters.cacheMiss("forged_" + i);
        }
        assertEquals(KeyRingMeters.MAX_KEY_NAMES + 1, registry.find(KeyRingMeters.CACHE_MISSES).meters().size());
        assertEquals(50.0, registry.get(KeyRingMeters.CACHE_MISSES).tag("key", KeyRingMeters.OTHER_KEYS)
                .functionCounter().count());
    }
}
