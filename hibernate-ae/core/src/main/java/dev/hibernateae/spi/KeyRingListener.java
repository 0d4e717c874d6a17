package dev.hibernateae.spi;

import java.time.Duration;

/**
 * Hears what the key ring does: a column encryption key unwrapped by its column master key's provider, a lookup
 * served from the key cache or not, a key store call that failed. For metrics and logs; hibernate-ae's Spring Boot
 * module turns these into Micrometer meters.
 *
 * <p>Registered with setting {@link dev.hibernateae.api.EncryptionSettings#KEY_RING_LISTENERS} (class names with a
 * public no-argument constructor, classes, or instances). Every method has an empty default, so a listener overrides
 * only what it wants.
 *
 * <p>Implementations must be thread-safe and quick: {@link #cacheHit} runs on every encrypted value read or written,
 * on the application's threads. A listener that throws is logged (once) and otherwise ignored; it never fails
 * the operation it hears about. Listeners are given names only: key names, provider names and exception classes, never
 * key bytes, key paths, passwords or exception messages, so that whatever they export stays free of secrets and
 * of values a database administrator chose (tag values of bounded cardinality: the key names of the mapping, the
 * registered providers).
 */
public interface KeyRingListener {

    /**
     * A column encryption key was unwrapped: its column master key's metadata signature verified and the provider
     * unwrapped the stored value. Once per key per cache time to live in a running application (the key ring
     * loads each key once at a time, however many threads ask).
     *
     * @param keyName the column encryption key's name
     * @param providerName the column master key provider that unwrapped it ({@code MSSQL_JAVA_KEYSTORE}, ...)
     * @param duration the time spent in the provider: verifying the master key's metadata signature and unwrapping
     */
    default void keyUnwrapped(String keyName, String providerName, Duration duration) {
    }

    /** A lookup of the named key was served from the key cache, without waiting. Called very often: keep it cheap. */
    default void cacheHit(String keyName) {
    }

    /**
     * A lookup of the named key found no usable cached key (never loaded, expired, invalidated, or caching off),
     * so it loaded the key or waited for another thread's load of it.
     */
    default void cacheMiss(String keyName) {
    }

    /**
     * A call to a column master key provider failed: verifying the master key's metadata signature or unwrapping a
     * stored value threw (key store unreachable, key absent, wrong password, tampered value). Refusals made before
     * any provider is asked (an untrusted key path, an unknown provider, a missing key row) are not key store
     * failures and are not reported here.
     *
     * @param keyName the column encryption key being unwrapped
     * @param providerName the provider that failed
     * @param failure the class of what it threw; the message is withheld, as it may name key paths
     * @param duration the time until it failed
     */
    default void keyStoreFailed(String keyName, String providerName, Class<? extends Throwable> failure,
            Duration duration) {
    }
}
