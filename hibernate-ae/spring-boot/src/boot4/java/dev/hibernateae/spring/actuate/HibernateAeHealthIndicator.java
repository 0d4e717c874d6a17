package dev.hibernateae.spring.actuate;

import dev.hibernateae.spi.KeyRingState;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code hibernateAe} health: whether the column encryption keys the application asked for can be used, from the
 * {@link KeyRingState} of each persistence unit with encrypted attributes.
 *
 * <ul>
 *   <li><b>DOWN</b> while a key's most recent load failed (key store unreachable, key removed, master key no longer
 *       trusted, ...) and no cached copy of it is left: encrypting and decrypting under it fails now.</li>
 *   <li><b>UP</b> otherwise; <b>UNKNOWN</b> when no persistence unit reads its keys from the key tables.</li>
 * </ul>
 * Details, per key: cached (master key, provider, when loaded, how long still), failing (exception class, message,
 * when), or not loaded yet; the cache time to live; the last failure. Names and hibernate-ae's messages only, never key
 * bytes.
 *
 * <p>A probe calls no key store and no database: it reads what the key ring last saw. Key stores are asked when a key
 * is loaded (at startup by the startup check, then once per key per cache time to live), so a vault that goes down
 * shows here at the next load, and a key that still works from the cache keeps the application UP, as it keeps the
 * application working. Asking a vault on every probe would cost a remote call (billed and throttled by Azure Key
 * Vault) every few seconds per instance, and an unwrap with the master key, only to learn what the next real load
 * learns anyway.
 */
public final class HibernateAeHealthIndicator implements HealthIndicator {
    private final Supplier<Map<String, EntityManagerFactory>> factories;

    /** @param factories the application's entity manager factories by bean name, asked at every probe */
    public HibernateAeHealthIndicator(Supplier<Map<String, EntityManagerFactory>> factories) {
        this.factories = Objects.requireNonNull(factories, "factories");
    }

    @Override
    public Health health() {
        KeyRingHealth health = KeyRingHealth.of(factories.get());
        return Health.status(health.status()).withDetails(health.details()).build();
    }
}
