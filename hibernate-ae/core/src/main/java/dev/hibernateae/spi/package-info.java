/**
 * What other code plugs into hibernate-ae.
 *
 * <h2>Key stores</h2>
 * {@link dev.hibernateae.spi.ColumnMasterKeyProvider} is a store of column master keys (a keystore file, Azure Key
 * Vault, your own); {@link dev.hibernateae.spi.RsaColumnMasterKeyProvider} implements SQL Server's formats for RSA
 * stores on top of an {@link dev.hibernateae.spi.RsaMasterKey}.
 *
 * <h2>Observing the key ring</h2>
 * Two pieces, both free of any metrics library, so that core keeps depending on Hibernate and the JDK only:
 * <ul>
 *   <li>{@link dev.hibernateae.spi.KeyRingListener}, pushed to: a key unwrapped (key name, provider, time spent in
 *       the provider), a cache hit, a cache miss, a key store failure (key name, provider, exception class, time
 *       until it failed). Events, because counters and timers must see every occurrence, and a listener can feed
 *       any metrics library (the Spring Boot module feeds Micrometer).</li>
 *   <li>{@link dev.hibernateae.spi.KeyRingState}, pulled: a snapshot of the cache (each key's master key,
 *       provider, load time and remaining time to live), the keys whose last load failed, and the last failure. A
 *       snapshot, because a health check asks now and then and wants a consistent picture, not a stream; taking one
 *       calls no key store and no database.</li>
 * </ul>
 * Both carry names only (keys, master keys, providers, exception classes); a key's bytes never leave the key ring,
 * and listeners do not even get exception messages, which may name key paths.
 *
 * <p>Stable API: compatible changes only within a major version.
 */
package dev.hibernateae.spi;
