package dev.hibernateae.spring.actuate;

import dev.hibernateae.api.KeyRingStates;
import dev.hibernateae.spi.KeyRingState;
import jakarta.persistence.EntityManagerFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code hibernateAe} health as a status code and details, apart from Spring Boot's health types (whose package
 * differs between Spring Boot lines); {@link HibernateAeHealthIndicator} describes what it reports.
 *
 * @param status {@code UP}, {@code DOWN} or {@code UNKNOWN}
 * @param details what the health shows
 */
record KeyRingHealth(String status, Map<String, Object> details) {
    static final String UP = "UP";
    static final String DOWN = "DOWN";
    static final String UNKNOWN = "UNKNOWN";

    /** @param factories the application's entity manager factories by bean name */
    static KeyRingHealth of(Map<String, EntityManagerFactory> factories) {
        Map<String, KeyRingState> states = new LinkedHashMap<>();
        factories.forEach((name, factory) -> KeyRingStates.of(factory).ifPresent(state -> states.put(name, state)));
        if (states.isEmpty()) {
            return new KeyRingHealth(UNKNOWN, Map.of("reason", "no persistence unit reads column encryption keys "
                    + "from the key tables"));
        }
        boolean up = states.values().stream().allMatch(KeyRingState::healthy);
        Map<String, Object> details = new LinkedHashMap<>();
        if (states.size() == 1) {
            details.putAll(details(states.values().iterator().next()));
        } else {
            states.forEach((name, state) -> {
                Map<String, Object> unit = new LinkedHashMap<>();
                unit.put("status", state.healthy() ? UP : DOWN);
                unit.putAll(details(state));
                details.put(name, unit);
            });
        }
        return new KeyRingHealth(up ? UP : DOWN, details);
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
