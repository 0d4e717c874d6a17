package dev.hibernateae.quarkus.deployment.test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.quarkus.deployment.test.billing.Invoice;
import dev.hibernateae.quarkus.deployment.test.patients.Patient;
import io.quarkus.hibernate.orm.PersistenceUnit;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * hibernate-ae is installed in every persistence unit, the default one and a named one, each on its own datasource:
 * both start (the core's services are there, with the settings of {@code quarkus.hibernate-ae.*}) and both refuse
 * queries that cannot run on ciphertext (the query stage is there).
 */
class EveryPersistenceUnitTest {

    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addPackage(Patient.class.getPackage())
                    .addPackage(Invoice.class.getPackage()))
            .overrideConfigKey("quarkus.devservices.enabled", "false")
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:patients;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.\"billing\".db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.\"billing\".jdbc.url", "jdbc:h2:mem:billing;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.hibernate-orm.packages", Patient.class.getPackageName())
            .overrideConfigKey("quarkus.hibernate-orm.schema-management.strategy", "drop-and-create")
            .overrideConfigKey("quarkus.hibernate-orm.\"billing\".datasource", "billing")
            .overrideConfigKey("quarkus.hibernate-orm.\"billing\".packages", Invoice.class.getPackageName())
            .overrideConfigKey("quarkus.hibernate-orm.\"billing\".schema-management.strategy", "drop-and-create")
            .overrideConfigKey("quarkus.hibernate-ae.trusted-master-key-paths", "cmk1")
            .overrideConfigKey("quarkus.hibernate-ae.keystore.location",
                    System.getProperty("ae.vectors.dir") + "/cmk-keystore.p12")
            .overrideConfigKey("quarkus.hibernate-ae.keystore.password", "changeit");

    @Inject
    EntityManagerFactory patients;

    @Inject
    @PersistenceUnit("billing")
    EntityManagerFactory billing;

    @Test
    void theDefaultPersistenceUnitRefusesAComparisonOnARandomizedAttribute() {
        RuntimeException refused;
        try (EntityManager em = patients.createEntityManager()) {
            refused = assertThrows(RuntimeException.class, () -> em
                    .createQuery("select p from Patient p where p.birthDate = :birthDate", Patient.class));
        }

        assertTrue(guardMessage(refused).contains("Patient.birthDate"), refused.toString());
    }

    @Test
    void aNamedPersistenceUnitRefusesLikeOnADeterministicAttribute() {
        RuntimeException refused;
        try (EntityManager em = billing.createEntityManager()) {
            refused = assertThrows(RuntimeException.class, () -> em
                    .createQuery("select i from Invoice i where i.accountNumber like :prefix", Invoice.class));
        }

        assertTrue(guardMessage(refused).contains("Invoice.accountNumber"), refused.toString());
    }

    private static String guardMessage(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedEncryptedQueryException guard) {
                return guard.getMessage();
            }
        }
        throw new AssertionError("not refused by hibernate-ae's query stage", thrown);
    }
}
