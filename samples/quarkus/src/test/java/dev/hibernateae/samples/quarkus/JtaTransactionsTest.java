package dev.hibernateae.samples.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnKeyAdministration;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Status;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Encrypted attributes inside Quarkus' JTA transactions (Narayana, Agroal enlisting the connections): the first use
 * of a key loads it from the key tables while the application's transaction is active (hibernate-ae suspends it
 * for that), and a rollback leaves the key tables and the key cache intact. Only this class uses
 * {@link SampleKeys#PRESCRIPTION_KEY}, so its first test is the key's first use in this application.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JtaTransactionsTest {
    @Inject
    FirstKeyUseInTransaction firstUse;

    @Inject
    EntityManagerFactory emf;

    @Test
    @Order(1)
    void theFirstEncryptedAccessInATransactionLoadsTheKeyThere() throws Exception {
        assertFalse(FirstKeyUseInTransaction.cachedKeys(emf).contains(SampleKeys.PRESCRIPTION_KEY),
                "the prescription key must not be loaded before the transaction");
        String drug = "amoxicillin " + UUID.randomUUID();

        FirstKeyUseInTransaction.Seen seen = firstUse.prescribe(drug);

        assertTrue(seen.transactionActive(), "status inside: " + seen.transactionStatus());
        assertFalse(seen.keysCachedAtStart().contains(SampleKeys.PRESCRIPTION_KEY), seen.toString());
        assertEquals(1, seen.foundByDrug().size(), seen.toString());
        assertTrue(FirstKeyUseInTransaction.cachedKeys(emf).contains(SampleKeys.PRESCRIPTION_KEY));
        assertEquals(seen.foundByDrug(), firstUse.byDrug(drug), "committed, and found again by the encrypted drug");
        // The listener named in quarkus.hibernate-ae.key-ring-listeners, a class of the application, heard of the
        // unwrap, which happened while the application's transaction was active.
        assertEquals(Status.STATUS_ACTIVE, RecordingKeyRingListener.unwrapped().get(SampleKeys.PRESCRIPTION_KEY),
                RecordingKeyRingListener.unwrapped().toString());
    }

    @Test
    @Order(2)
    void aRollbackKeepsTheKeysAndStoresNothing() {
        String drug = "ibuprofen " + UUID.randomUUID();

        assertThrows(IllegalStateException.class, () -> firstUse.prescribeAndRollBack(drug));

        assertEquals(List.of(), firstUse.byDrug(drug));
        assertTrue(FirstKeyUseInTransaction.cachedKeys(emf).contains(SampleKeys.PRESCRIPTION_KEY));
        ColumnKeyAdministration admin = ColumnKeyAdministration.builder()
                .sessionFactory(emf.unwrap(SessionFactory.class)).build();
        assertEquals(SampleKeys.PRESCRIPTION_KEY, admin.encryptionKey(SampleKeys.PRESCRIPTION_KEY).name());
    }
}
