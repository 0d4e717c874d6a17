package dev.hibernateae.spring.actuate;

import dev.hibernateae.spi.KeyRingListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The key ring's events as Micrometer meters. A {@link KeyRingListener} given to Hibernate before the
 * EntityManagerFactory starts (so the startup check's unwraps count), and a {@link MeterBinder} that Spring Boot binds
 * to the meter registry later: counts are kept here and read by function counters, and key store timings taken before
 * the binding are recorded when it happens. The listener needs no meter registry to exist while Hibernate starts.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@value #UNWRAPS}</td><td>counter</td><td>{@code key}, {@code provider}</td></tr>
 *   <tr><td>{@value #CACHE_HITS}</td><td>counter</td><td>{@code key}</td></tr>
 *   <tr><td>{@value #CACHE_MISSES}</td><td>counter</td><td>{@code key}</td></tr>
 *   <tr><td>{@value #KEYSTORE_LATENCY}</td><td>timer</td><td>{@code provider}, {@code outcome}
 *       ({@code success}, {@code failure})</td></tr>
 *   <tr><td>{@value #KEYSTORE_FAILURES}</td><td>counter</td><td>{@code key}, {@code provider}, {@code exception}
 *       (simple class name)</td></tr>
 * </table>
 *
 * <p>Cardinality: providers are the registered ones, exceptions few classes, and key names those of the mapping and
 * of key rotations. As the key tables are not trusted, and a load is attempted for any key name an authenticated-looking
 * lifecycle record names, at most {@value #MAX_KEY_NAMES} distinct key names become tag values; further ones are
 * counted under {@value #OTHER_KEYS}. Meters are summed over the persistence units that share this listener.
 */
public final class KeyRingMeters implements KeyRingListener, MeterBinder {
    public static final String UNWRAPS = "hibernate_ae.key.unwraps";
    public static final String CACHE_HITS = "hibernate_ae.key.cache.hits";
    public static final String CACHE_MISSES = "hibernate_ae.key.cache.misses";
    public static final String KEYSTORE_LATENCY = "hibernate_ae.keystore.latency";
    public static final String KEYSTORE_FAILURES = "hibernate_ae.keystore.failures";
    /** The most key names that become tag values. */
    public static final int MAX_KEY_NAMES = 100;
    /** The key tag value of key names beyond {@link #MAX_KEY_NAMES}. */
    public static final String OTHER_KEYS = "_other";
    /** Timings kept from before the first binding; the startup check makes one per key. */
    private static final int MAX_EARLY_TIMINGS = 1_000;

    /** Guards registration, the key names admitted, the registries and the early timings; never a hit or a miss. */
    private final Object lock = new Object();
    private final Map<String, LongAdder> hits = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> misses = new ConcurrentHashMap<>();
    private final Map<List<String>, LongAdder> rareCounts = new ConcurrentHashMap<>();
    private final Set<String> keyNames = new HashSet<>();
    private final List<Series> series = new ArrayList<>();
    private final List<Timing> earlyTimings = new ArrayList<>();
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    /** A counter meter and what it reads. */
    private record Series(String name, Tags tags, String description, LongAdder count) {
    }

    /** One key store call's outcome and duration. */
    private record Timing(String provider, String outcome, Duration duration) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        synchronized (lock) {
            if (registries.contains(registry)) {
                return;
            }
            registries.add(registry);
            series.forEach(counter -> register(counter, registry));
            earlyTimings.forEach(timing -> timer(registry, timing).record(timing.duration()));
        }
    }

    @Override
    public void cacheHit(String keyName) {
        LongAdder count = hits.get(keyName);
        (count != null ? count : keyed(hits, CACHE_HITS, keyName, "Key lookups served from the key cache"))
                .increment();
    }

    @Override
    public void cacheMiss(String keyName) {
        LongAdder count = misses.get(keyName);
        (count != null ? count : keyed(misses, CACHE_MISSES, keyName,
                "Key lookups that found no usable cached key and loaded it or waited for its load")).increment();
    }

    @Override
    public void keyUnwrapped(String keyName, String providerName, Duration duration) {
        synchronized (lock) {
            rare(UNWRAPS, "Column encryption keys unwrapped by their master key's provider",
                    "key", admit(keyName), "provider", providerName).increment();
            time(new Timing(providerName, "success", duration));
        }
    }

    @Override
    public void keyStoreFailed(String keyName, String providerName, Class<? extends Throwable> failure,
            Duration duration) {
        synchronized (lock) {
            rare(KEYSTORE_FAILURES, "Calls to column master key providers that threw", "key", admit(keyName),
                    "provider", providerName, "exception", failure.getSimpleName()).increment();
            time(new Timing(providerName, "failure", duration));
        }
    }

    /** The count of a key-tagged meter read on every lookup: created once per key name, under the lock. */
    private LongAdder keyed(Map<String, LongAdder> counts, String meter, String keyName, String description) {
        synchronized (lock) {
            LongAdder count = counts.get(keyName);
            if (count != null) {
                return count;
            }
            String tag = admit(keyName);
            count = counts.get(tag);
            if (count == null) {
                count = new LongAdder();
                counts.put(tag, count);
                add(new Series(meter, Tags.of("key", tag), description, count));
            }
            return count;
        }
    }

    /** The count of a meter of rare events (unwraps, failures), by its tags; called under the lock. */
    private LongAdder rare(String meter, String description, String... tags) {
        List<String> id = new ArrayList<>(List.of(tags));
        id.add(0, meter);
        LongAdder count = rareCounts.get(id);
        if (count == null) {
            count = new LongAdder();
            rareCounts.put(List.copyOf(id), count);
            add(new Series(meter, Tags.of(tags), description, count));
        }
        return count;
    }

    /** The key name as a tag value: itself for the first {@value #MAX_KEY_NAMES} names, else {@value #OTHER_KEYS}. */
    private String admit(String keyName) {
        if (keyNames.contains(keyName)) {
            return keyName;
        }
        if (keyNames.size() < MAX_KEY_NAMES) {
            keyNames.add(keyName);
            return keyName;
        }
        return OTHER_KEYS;
    }

    private void add(Series counter) {
        series.add(counter);
        registries.forEach(registry -> register(counter, registry));
    }

    private void time(Timing timing) {
        if (registries.isEmpty()) {
            if (earlyTimings.size() < MAX_EARLY_TIMINGS) {
                earlyTimings.add(timing);
            }
            return;
        }
        registries.forEach(registry -> timer(registry, timing).record(timing.duration()));
    }

    private static void register(Series counter, MeterRegistry registry) {
        FunctionCounter.builder(counter.name(), counter.count(), LongAdder::sum).tags(counter.tags())
                .description(counter.description()).register(registry);
    }

    private static Timer timer(MeterRegistry registry, Timing timing) {
        return Timer.builder(KEYSTORE_LATENCY).description("Time spent in column master key providers: checking a "
                        + "master key's metadata signature and unwrapping a column encryption key")
                .tags("provider", timing.provider(), "outcome", timing.outcome()).register(registry);
    }
}
