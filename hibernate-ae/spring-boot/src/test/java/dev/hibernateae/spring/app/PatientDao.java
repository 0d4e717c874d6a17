package dev.hibernateae.spring.app;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** A data access object as applications write them without Spring Data: a {@code @Repository} bean on JPA. */
@Repository
public class PatientDao {
    @PersistenceContext
    private EntityManager entityManager;

    @Transactional(readOnly = true)
    public Patient find(Long id) {
        return entityManager.find(Patient.class, id);
    }

    /** Cannot work on ciphertext: refused when the query is created. */
    @Transactional(readOnly = true)
    public List<Patient> findBySsnPrefix(String prefix) {
        return entityManager.createQuery("select p from Patient p where p.ssn like :prefix", Patient.class)
                .setParameter("prefix", prefix + "%").getResultList();
    }

    /** Flushed here, inside the bean: a value that does not fit its column fails in this method. */
    @Transactional
    public void persistNow(Patient patient) {
        entityManager.persist(patient);
        entityManager.flush();
    }
}
