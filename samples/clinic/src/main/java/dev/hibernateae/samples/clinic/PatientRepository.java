package dev.hibernateae.samples.clinic;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * Queries by SSN bind the SSN encrypted, so the database compares ciphertext with ciphertext. A method that cannot
 * work on ciphertext, such as {@code findBySsnLike} or {@code findByBirthDateAfter}, stops the application at
 * startup with the reason and what to do instead.
 */
public interface PatientRepository extends JpaRepository<Patient, Long>, JpaSpecificationExecutor<Patient> {

    Optional<Patient> findBySsn(String ssn);

    boolean existsBySsn(String ssn);

    Page<Patient> findByLastName(String lastName, Pageable pageable);
}
