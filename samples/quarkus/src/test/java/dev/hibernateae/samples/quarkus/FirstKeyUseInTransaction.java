package dev.hibernateae.samples.quarkus;

import dev.hibernateae.api.KeyRingStates;
import dev.hibernateae.spi.KeyRingState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Uses an encrypted attribute for the first time inside a JTA transaction, and reports what it saw there: the
 * transaction's status, the keys cached when it began, and what the equality query found.
 */
@ApplicationScoped
public class FirstKeyUseInTransaction {
    @Inject
    EntityManager em;

    @Inject
    EntityManagerFactory emf;

    @Inject
    TransactionManager transactions;

    /** What {@link #prescribe} saw inside its transaction. */
    public record Seen(int transactionStatus, Set<String> keysCachedAtStart, List<Long> foundByDrug) {
        boolean transactionActive() {
            return transactionStatus == Status.STATUS_ACTIVE;
        }
    }

    /** Stores a prescription and finds it by its encrypted drug, flushing in between, in one JTA transaction. */
    @Transactional
    public Seen prescribe(String drug) throws SystemException {
        Set<String> cached = cachedKeys(emf);
        Prescription prescription = new Prescription(drug);
        em.persist(prescription);
        em.flush();
        List<Long> found = em.createQuery("select p.id from Prescription p where p.drug = :drug", Long.class)
                .setParameter("drug", drug).getResultList();
        return new Seen(transactions.getStatus(), cached, found);
    }

    /** Stores a prescription, then rolls the transaction back. */
    @Transactional
    public void prescribeAndRollBack(String drug) {
        em.persist(new Prescription(drug));
        em.flush();
        throw new IllegalStateException("rolled back on purpose");
    }

    /** The prescriptions with that drug, in a transaction of their own. */
    @Transactional
    public List<Long> byDrug(String drug) {
        return em.createQuery("select p.id from Prescription p where p.drug = :drug", Long.class)
                .setParameter("drug", drug).getResultList();
    }

    static Set<String> cachedKeys(EntityManagerFactory emf) {
        KeyRingState state = KeyRingStates.of(emf).orElseThrow();
        return state.cachedKeys().stream().map(KeyRingState.CachedKey::name).collect(Collectors.toSet());
    }
}
