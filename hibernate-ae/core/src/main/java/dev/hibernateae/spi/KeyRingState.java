package dev.hibernateae.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a key ring holds at one moment, read-only: the column encryption keys cached and for how long still, the keys
 * whose last load failed, and the last failure of all. Taken without a key store or database call, so it is cheap
 * enough for every health probe. Names only, never key bytes: a snapshot is safe to show on a health endpoint.
 *
 * <p>Obtained with {@link dev.hibernateae.api.KeyRingStates#of(jakarta.persistence.EntityManagerFactory)}.
 */
public final class KeyRingState {
    private final Instant takenAt;
    private final Duration timeToLive;
    private final SortedSet<String> mappedKeys;
    private final List<CachedKey> cachedKeys;
    private final List<KeyFailure> failingKeys;
    private final KeyFailure lastFailure;

    /**
     * @param takenAt when the snapshot was taken
     * @param timeToLive how long a loaded key is served ({@link Duration#ZERO}: caching is off)
     * @param mappedKeys the key names the persistence unit's {@code @Encrypted} attributes use (empty when unknown)
     * @param cachedKeys the keys served from the cache now, by name
     * @param failingKeys for each key whose most recent load failed and that is not cached, that failure
     * @param lastFailure the most recent failed load of any key, even if a later load succeeded; null if none
     */
    public KeyRingState(Instant takenAt, Duration timeToLive, Set<String> mappedKeys, List<CachedKey> cachedKeys,
            List<KeyFailure> failingKeys, KeyFailure lastFailure) {
        this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        this.mappedKeys = Collections.unmodifiableSortedSet(new TreeSet<>(mappedKeys));
        this.cachedKeys = List.copyOf(cachedKeys);
        this.failingKeys = List.copyOf(failingKeys);
        this.lastFailure = lastFailure;
    }

    /** The same state, knowing which key names the mapping uses. */
    public KeyRingState withMappedKeys(Set<String> keyNames) {
        return new KeyRingState(takenAt, timeToLive, keyNames, cachedKeys, failingKeys, lastFailure);
    }

    public Instant takenAt() {
        return takenAt;
    }

    public Duration timeToLive() {
        return timeToLive;
    }

    /** The key names the persistence unit's {@code @Encrypted} attributes use, sorted. */
    public SortedSet<String> mappedKeys() {
        return mappedKeys;
    }

    /** The keys served from the cache now, sorted by name. */
    public List<CachedKey> cachedKeys() {
        return cachedKeys;
    }

    /**
     * The keys that cannot be used now: their most recent load failed, and no cached copy is left. Empty when every
     * key that was asked for is usable. A key whose load fails while an unexpired copy is still cached is not
     * listed: it keeps working until its time to live ends.
     */
    public List<KeyFailure> failingKeys() {
        return failingKeys;
    }

    /** The most recent failed load of any key, also after that key loaded again. */
    public Optional<KeyFailure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** Mapped key names that are neither cached nor failing: not asked for since startup or since they expired. */
    public SortedSet<String> unloadedKeys() {
        SortedSet<String> unloaded = new TreeSet<>(mappedKeys);
        cachedKeys.forEach(key -> unloaded.remove(key.name()));
        failingKeys.forEach(failure -> unloaded.remove(failure.keyName()));
        return Collections.unmodifiableSortedSet(unloaded);
    }

    /** Whether every key asked for so far can be used: no key is {@linkplain #failingKeys() failing}. */
    public boolean healthy() {
        return failingKeys.isEmpty();
    }

    @Override
    public String toString() {
        return "KeyRingState[" + cachedKeys.size() + " cached, " + failingKeys.size() + " failing, ttl " + timeToLive
                + "]";
    }

    /**
     * A cached column encryption key.
     *
     * @param name the column encryption key's name
     * @param masterKeyName the column master key that unwrapped it; null when the key ring does not know
     * @param providerName that master key's provider; null when the key ring does not know
     * @param loadedAt when it was loaded
     * @param expiresIn how long it is served still before it is loaded again
     */
    public record CachedKey(String name, String masterKeyName, String providerName, Instant loadedAt,
            Duration expiresIn) {

        public CachedKey {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(loadedAt, "loadedAt");
            Objects.requireNonNull(expiresIn, "expiresIn");
        }
    }

    /**
     * A failed load of a column encryption key.
     *
     * @param keyName the key that failed to load
     * @param failure the class name of the exception
     * @param message hibernate-ae's message: it names keys, master keys, providers, key paths and settings, never
     *        key bytes or passwords
     * @param at when it failed
     */
    public record KeyFailure(String keyName, String failure, String message, Instant at) {

        public KeyFailure {
            Objects.requireNonNull(keyName, "keyName");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(at, "at");
        }
    }
}
