package dev.hibernateae.internal.lifecycle;

import static dev.hibernateae.internal.lifecycle.LifecycleTestSupport.poll;
import static dev.hibernateae.internal.lifecycle.LifecycleTestSupport.rotation;
import static dev.hibernateae.internal.lifecycle.LifecycleTestSupport.stored;
import static dev.hibernateae.internal.lifecycle.LifecycleTestSupport.under;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.hibernate.model.Patient;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.junit.jupiter.api.Test;

/**
 * Hibernate caches translated queries with their converted literals (ciphertext). A running application clears
 * those caches when it learns that a rotation changed, so a literal query cached under the old key finds its row
 * under the new one, and no plan with the old key's literal outlives the rotation.
 */
class PlanCacheAfterRotationTest {

    @Test
    void aLiteralQueryCachedBeforeTheRotationFindsItsRowAfterIt() {
        StaticKeyRing keys = StaticKeyRing.withRandomKeys("cek1", "cek2", "cek1_next");
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, keys,
                        Map.of(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H"), Patient.class)) {
            sf.inTransaction(s -> s.persist(new Patient("100-00-0001", LocalDate.of(1990, 1, 1), "Ada")));
            String literalQuery = "select p.lastName from Patient p where p.ssn = '100-00-0001'";
            assertEquals(List.of("Ada"), lastNames(sf, literalQuery));
            assertTrue(cache(sf).getNumberOfCachedQueryPlans() > 0, "the literal query's plan is cached");

            // Another process runs the whole rotation while this application is between two polls.
            rotation(keys, db, "cek1", "cek1", "cek1_next", KeyRotation.Phase.ROTATING);
            byte[] old = stored(db, "patient", "ssn", "lastName = ?", "Ada");
            LifecycleTestSupport.execute(db, "update patient set ssn = ? where lastName = ?",
                    LifecycleTestSupport.reencrypt(keys.cellKey("cek1"), keys.cellKey("cek1_next"), old,
                            EncryptionType.DETERMINISTIC), "Ada");
            rotation(keys, db, "cek1", "cek1", "cek1_next", KeyRotation.Phase.COMPLETED);

            poll(sf);
            assertEquals(0, cache(sf).getNumberOfCachedQueryPlans(), "plans with old-key literals are gone");
            assertEquals(List.of("Ada"), lastNames(sf, literalQuery));
            assertTrue(under(keys.cellKey("cek1_next"), stored(db, "patient", "ssn", "lastName = ?", "Ada")));
        }
    }

    @Test
    void cachesAreClearedOnTheChangeAndOnceMoreAtTheNextPoll() {
        StaticKeyRing keys = StaticKeyRing.withRandomKeys("cek1", "cek2", "cek1_next");
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, keys,
                        Map.of(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H"), Patient.class)) {
            String query = "select p.lastName from Patient p where p.ssn = :ssn";
            lastNames(sf, query, "1");
            rotation(keys, db, "cek1", "cek1", "cek1_next", KeyRotation.Phase.ROTATING);
            poll(sf);
            assertEquals(0, cache(sf).getNumberOfCachedQueryPlans());
            // A plan translated while the change was being read could hold the old state: cleared once more.
            lastNames(sf, query, "1");
            assertTrue(cache(sf).getNumberOfCachedQueryPlans() > 0);
            poll(sf);
            assertEquals(0, cache(sf).getNumberOfCachedQueryPlans());
            lastNames(sf, query, "1");
            poll(sf);
            assertTrue(cache(sf).getNumberOfCachedQueryPlans() > 0, "no change, no clearing");
        }
    }

    @Test
    void runningApplicationsLearnOfARotationByPolling() throws InterruptedException {
        StaticKeyRing keys = StaticKeyRing.withRandomKeys("cek1", "cek2", "cek1_next");
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, keys,
                        Map.of(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT0.1S"), Patient.class)) {
            sf.inTransaction(s -> s.persist(new Patient("100-00-0001", LocalDate.of(1990, 1, 1), "Ada")));
            rotation(keys, db, "cek1", "cek1", "cek1_next", KeyRotation.Phase.ROTATING);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (LifecycleTestSupport.watcher(sf).current().rotation("cek1") == null
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertNotNull(LifecycleTestSupport.watcher(sf).current().rotation("cek1"), "learned by polling");
            sf.inTransaction(s -> s.persist(new Patient("100-00-0002", LocalDate.of(1990, 1, 1), "Brook")));
            assertTrue(under(keys.cellKey("cek1_next"), stored(db, "patient", "ssn", "lastName = ?", "Brook")));
            assertTrue(under(keys.cellKey("cek1"), stored(db, "patient", "ssn", "lastName = ?", "Ada")));
            assertEquals(List.of("Ada", "Brook"), lastNames(sf, "select p.lastName from Patient p order by 1"));
        }
    }

    private static QueryInterpretationCache cache(SessionFactory sf) {
        return sf.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache();
    }

    private static List<String> lastNames(SessionFactory sf, String hql, String... ssn) {
        return sf.fromTransaction(s -> {
            var query = s.createSelectionQuery(hql, String.class);
            if (ssn.length > 0) {
                query.setParameter("ssn", ssn[0]);
            }
            return query.getResultList();
        });
    }
}
