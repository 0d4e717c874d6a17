package dev.hibernateae.api;

import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.keys.CachingKeyRing;
import dev.hibernateae.internal.keys.KeyRing;
import dev.hibernateae.spi.KeyRingState;
import jakarta.persistence.EntityManagerFactory;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The {@link KeyRingState} of a persistence unit, for health checks and diagnostics:
 *
 * <pre>{@code
 * KeyRingStates.of(emf).ifPresent(state -> log.info("cached keys: {}", state.cachedKeys()));
 * }</pre>
 *
 * Taking a state asks no key store and no database.
 */
public final class KeyRingStates {
    private KeyRingStates() {
    }

    /**
     * The state of {@code factory}'s key ring, knowing the key names its {@code @Encrypted} attributes use; empty
     * when the factory has no encrypted attribute, or when its keys do not come from the key tables (a key ring
     * given in code).
     */
    public static Optional<KeyRingState> of(EntityManagerFactory factory) {
        SessionFactoryImplementor sessionFactory = factory.unwrap(SessionFactoryImplementor.class);
        EncryptionRuntime runtime = sessionFactory.getServiceRegistry().getService(EncryptionRuntime.class);
        if (runtime == null || runtime.attributes().isEmpty() || !runtime.keysFromDatabase()) {
            return Optional.empty();
        }
        KeyRing ring = runtime.keyRing();
        if (!(ring instanceof CachingKeyRing caching)) {
            return Optional.empty();
        }
        Set<String> mapped = new TreeSet<>();
        for (EncryptedAttributeConverter<?> converter : runtime.attributes()) {
            mapped.add(converter.attribute().keyName());
        }
        return Optional.of(caching.state().withMappedKeys(mapped));
    }
}
