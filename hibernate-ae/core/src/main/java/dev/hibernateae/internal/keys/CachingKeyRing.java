package dev.hibernateae.internal.keys;

import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.internal.crypto.ColumnKey;
import dev.hibernateae.spi.KeyRingListener;
import dev.hibernateae.spi.KeyRingState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A {@link KeyRing} that caches each column encryption key for a time to live.
 *
 * <ul>
 *   <li><b>Single flight per key.</b> The first caller of a cold or expired key loads it on its own thread; callers
 *       of the same key that arrive meanwhile wait for that one load and share its result or its failure. Loads of
 *       different keys never wait for each other: the map is only touched to publish a pending slot, never while a
 *       key store is called (mssql-jdbc, by contrast, holds one JVM-wide lock across every unwrap).</li>
 *   <li><b>Fail closed on expiry.</b> A cached key is served until its time to live ends, whether or not the key
 *       store is reachable; after that the key is loaded again, and if that fails the caller gets the loader's
 *       error (naming the key, its master key and path). Failures are not cached, so the next call tries again.</li>
 *   <li><b>No key is destroyed under a user.</b> An expired or invalidated key is dropped from the cache, never
 *       {@linkplain ColumnKey#destroy() destroyed} here: a thread may still be encrypting with it. {@link ColumnKey}
 *       zeroes its bytes once it is unreachable, i.e. once the last such operation has finished.</li>
 * </ul>
 * A time to live of zero disables the cache: every call loads the key (concurrent callers still share a load).
 *
 * <p>Every lookup is told to the {@link KeyRingListener} as a cache hit (served from the cache without waiting) or a
 * miss (loaded, or waited for another caller's load). The ring remembers, by name only, where each cached key came
 * from and the last failed load of each key that has not loaded since, for {@link #state()}.
 */
public final class CachingKeyRing implements KeyRing, AutoCloseable {
    private final ColumnKeyLoader loader;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final KeyRingListener listener;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    /** The last failed load of each key that has not loaded since. */
    private final ConcurrentHashMap<String, Failure> failures = new ConcurrentHashMap<>();
    private volatile Failure lastFailure;

    /** One load of one key, pending or done. */
    private static final class Slot {
        final CompletableFuture<ColumnKey> key = new CompletableFuture<>();
        /** Set before {@link #key} completes normally; the completion publishes them. */
        volatile long loadedAt;
        volatile String masterKeyName;
        volatile String providerName;
    }

    /** A failed load: names and the exception's class and message (hibernate-ae's messages hold no key bytes). */
    private record Failure(String keyName, String failure, String message, long atNanos) {
    }

    /**
     * @param ttl how long a loaded key is served; {@link Duration#ZERO} disables caching
     * @param nanoClock a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     */
    public CachingKeyRing(ColumnKeyLoader loader, Duration ttl, LongSupplier nanoClock) {
        this(loader, ttl, nanoClock, KeyRingListeners.NONE);
    }

    /**
     * @param ttl how long a loaded key is served; {@link Duration#ZERO} disables caching
     * @param nanoClock a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     * @param listener told of every cache hit and miss
     */
    public CachingKeyRing(ColumnKeyLoader loader, Duration ttl, LongSupplier nanoClock, KeyRingListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.loader = Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("A key cache time to live cannot be negative: " + ttl);
        }
        this.ttlNanos = ttl.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : ttl.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    public CachingKeyRing(ColumnKeyLoader loader, Duration ttl) {
        this(loader, ttl, System::nanoTime);
    }

    @Override
    public ColumnKey columnKey(String name) {
        if (name == null || name.isBlank()) {
            throw new ColumnEncryptionKeyException("No column encryption key name given; name the key in "
                    + "@Encrypted(key = ...)");
        }
        while (true) {
            Slot current = slots.get(name);
            if (current != null) {
                if (!current.key.isDone()) {
                    listener.cacheMiss(name);
                    return await(current);
                }
                if (isFresh(current, nanoClock.getAsLong())) {
                    listener.cacheHit(name);
                    return current.key.join();
                }
            }
            Slot mine = new Slot();
            boolean won = current == null ? slots.putIfAbsent(name, mine) == null : slots.replace(name, current, mine);
            if (won) {
                listener.cacheMiss(name);
                return load(name, mine);
            }
            // Another thread published a slot first: loop and join it.
        }
    }

    private ColumnKey load(String name, Slot slot) {
        ColumnKey key;
        ColumnKeyLoader.Loaded loaded;
        try {
            loaded = loader.loadWithOrigin(name);
            key = loaded == null ? null : loaded.key();
            if (key == null) {
                throw new IllegalStateException("The key loader returned no key for '" + name + "'");
            }
        } catch (RuntimeException | Error e) {
            slots.remove(name, slot);
            if (e instanceof RuntimeException) {
                Failure failure = new Failure(name, e.getClass().getName(), e.getMessage(), nanoClock.getAsLong());
                failures.put(name, failure);
                lastFailure = failure;
            }
            slot.key.completeExceptionally(e);
            throw e;
        }
        slot.masterKeyName = loaded.masterKeyName();
        slot.providerName = loaded.providerName();
        slot.loadedAt = nanoClock.getAsLong();
        failures.remove(name);
        slot.key.complete(key);
        if (ttlNanos == 0) {
            slots.remove(name, slot);
        }
        evictExpired();
        return key;
    }

    private static ColumnKey await(Slot slot) {
        try {
            return slot.key.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private boolean isFresh(Slot slot, long now) {
        return slot.key.isDone() && !slot.key.isCompletedExceptionally() && now - slot.loadedAt < ttlNanos;
    }

    /** Drops expired keys of every name, so that keys nobody asks for any more do not linger in memory. */
    public void evictExpired() {
        long now = nanoClock.getAsLong();
        slots.values().removeIf(slot -> slot.key.isDone() && !isFresh(slot, now));
    }

    /** Forgets the named key, so the next call loads it again (after a key change, for example). */
    public void invalidate(String name) {
        slots.remove(name);
    }

    /** Forgets every key. */
    public void invalidateAll() {
        slots.clear();
    }

    /**
     * What the ring holds now: the keys served from the cache (with their master key, provider, load time and
     * remaining time to live), the keys whose last load failed and that are not cached, and the last failure. Calls
     * no loader.
     */
    public KeyRingState state() {
        long now = nanoClock.getAsLong();
        Instant wallNow = Instant.now();
        List<KeyRingState.CachedKey> cached = new ArrayList<>();
        for (Map.Entry<String, Slot> entry : slots.entrySet()) {
            Slot slot = entry.getValue();
            if (isFresh(slot, now)) {
                long age = now - slot.loadedAt;
                long left = ttlNanos - age;
                cached.add(new KeyRingState.CachedKey(entry.getKey(), slot.masterKeyName, slot.providerName,
                        wallNow.minusNanos(age), Duration.ofNanos(left)));
            }
        }
        cached.sort(Comparator.comparing(KeyRingState.CachedKey::name));
        List<KeyRingState.KeyFailure> failing = new ArrayList<>();
        failures.values().forEach(failure -> failing.add(keyFailure(failure, now, wallNow)));
        failing.sort(Comparator.comparing(KeyRingState.KeyFailure::keyName));
        Failure last = lastFailure;
        return new KeyRingState(wallNow, timeToLive(), Set.of(), cached, failing,
                last == null ? null : keyFailure(last, now, wallNow));
    }

    private static KeyRingState.KeyFailure keyFailure(Failure failure, long now, Instant wallNow) {
        return new KeyRingState.KeyFailure(failure.keyName(), failure.failure(), failure.message(),
                wallNow.minusNanos(now - failure.atNanos()));
    }

    /** How long a loaded key is served. */
    public Duration timeToLive() {
        return Duration.ofNanos(ttlNanos);
    }

    /** The number of keys held, loaded or being loaded. */
    public int size() {
        return slots.size();
    }

    @Override
    public void close() {
        invalidateAll();
    }

    @Override
    public String toString() {
        return "CachingKeyRing[" + slots.size() + " keys, ttl " + Duration.ofNanos(ttlNanos) + "]";
    }
}
