package dev.hibernateae.spring.actuate;

import dev.hibernateae.api.KeyRingStates;
import dev.hibernateae.spi.KeyRingState;
import jakarta.persistence.EntityManagerFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

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
        Map<String, KeyRingState> states = new LinkedHashMap<>();
        factories.get().forEach((name, factory) -> KeyRingStates.of(factory).ifPresent(state -> states.put(name,
                state)));
        if (states.isEmpty()) {
            return Health.unknown().withDetail("reason", "no persistence unit reads column encryption keys from the "
                    + "key tables").build();
        }
        boolean up = states.values().stream().allMatch(KeyRingState::healthy);
        Health.Builder health = Health.status(up ? Status.UP : Status.DOWN);
        if (states.size() == 1) {
            details(states.values().iterator().next()).forEach(health::withDetail);
        } else {
            states.forEach((name, state) -> {
                Map<String, Object> unit = new LinkedHashMap<>();
                unit.put("status", state.healthy() ? Status.UP.getCode() : Status.DOWN.getCode());
                unit.putAll(details(state));
                health.withDetail(name, unit);
            });
        }
        return health.build();
    }

    private static Map<String, Object> details(KeyRingState state) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (KeyRingState.CachedKey key : state.cachedKeys()) {
            Map<String, Object> cached = new LinkedHashMap<>();
            cached.put("state", "cached");
            if (key.masterKeyName() != null) {
                cached.put("masterKey", key.masterKeyName());
            }
            if (key.providerName() != null) {
                cached.put("provider", key.providerName());
            }
            cached.put("loadedAt", key.loadedAt().toString());
            cached.put("expiresIn", key.expiresIn().toString());
            keys.put(key.name(), cached);
        }
        for (KeyRingState.KeyFailure failure : state.failingKeys()) {
            Map<String, Object> failing = new LinkedHashMap<>();
            failing.put("state", "failing");
            failing.putAll(failure(failure));
            keys.put(failure.keyName(), failing);
        }
        for (String name : state.unloadedKeys()) {
            keys.put(name, Map.of("state", "not loaded"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keys", keys);
        details.put("keyCacheTtl", state.timeToLive().toString());
        state.lastFailure().ifPresent(last -> {
            Map<String, Object> lastFailure = new LinkedHashMap<>();
            lastFailure.put("key", last.keyName());
            lastFailure.putAll(failure(last));
            details.put("lastFailure", lastFailure);
        });
        return details;
    }

    private static Map<String, Object> failure(KeyRingState.KeyFailure failure) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error", failure.failure());
        if (failure.message() != null) {
            details.put("message", failure.message());
        }
        details.put("failedAt", failure.at().toString());
        return details;
    }
}
