package dev.hibernateae.samples.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.api.KeyRingStates;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A {@code hibernate.ae.*} setting given in {@code quarkus.hibernate-orm.unsupported-properties} wins over the
 * {@code quarkus.hibernate-ae.*} property of the same setting: Quarkus applies those properties last.
 */
@QuarkusTest
@TestProfile(UnsupportedPropertiesProfile.class)
class UnsupportedPropertiesTest {
    @Inject
    EntityManagerFactory emf;

    @Test
    void anUnsupportedPropertyWinsOverTheQuarkusHibernateAeProperty() {
        assertEquals(Duration.ofMinutes(5), KeyRingStates.of(emf).orElseThrow().timeToLive());
    }
}
