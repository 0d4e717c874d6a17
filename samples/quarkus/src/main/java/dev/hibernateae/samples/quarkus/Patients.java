package dev.hibernateae.samples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/** The patients, each method a JTA transaction of its own. */
@ApplicationScoped
public class Patients {
    @Inject
    EntityManager em;

    /** Stores a new patient; its SSN and birth date reach the database encrypted. */
    @Transactional
    public Patient register(Patient patient) {
        em.persist(patient);
        return patient;
    }

    /** The patient of that id, decrypted. */
    @Transactional
    public Patient byId(long id) {
        return em.find(Patient.class, id);
    }

    /** The patients with that SSN: an equality query on a DETERMINISTIC attribute, the parameter encrypted. */
    @Transactional
    public List<Patient> bySsn(String ssn) {
        return em.createQuery("select p from Patient p where p.ssn = :ssn", Patient.class)
                .setParameter("ssn", ssn).getResultList();
    }

    /** The patients born between two dates (inclusive): a range search through the birth date's tokens. */
    @Transactional
    public List<Patient> bornBetween(LocalDate from, LocalDate to) {
        return em.createQuery("select p from Patient p where p.birthDate between :from and :to order by p.id",
                Patient.class).setParameter("from", from).setParameter("to", to).getResultList();
    }
}
