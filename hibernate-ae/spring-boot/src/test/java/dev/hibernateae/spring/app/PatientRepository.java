package dev.hibernateae.spring.app;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Every repository form that works on encrypted attributes. */
public interface PatientRepository extends JpaRepository<Patient, Long>, JpaSpecificationExecutor<Patient> {

    Optional<Patient> findBySsn(String ssn);

    List<Patient> findBySsnIn(Collection<String> ssns);

    boolean existsBySsn(String ssn);

    long countBySsn(String ssn);

    @Transactional
    long deleteBySsn(String ssn);

    List<Patient> findByMrn(Integer mrn);

    List<Patient> findBySsnAndLastName(String ssn, String lastName);

    List<Patient> findBySsnOrMrn(String ssn, Integer mrn);

    List<Patient> findBySsnNot(String ssn);

    List<Patient> findByBirthDateIsNull();

    Page<Patient> findByLastName(String lastName, Pageable pageable);

    List<Patient> findByLastNameOrderByFirstNameAsc(String lastName);

    List<Patient> findTop2ByLastNameStartingWithOrderByFirstNameDesc(String prefix);

    @Query("select p from Patient p where p.ssn = :ssn")
    Optional<Patient> findWithQuery(@Param("ssn") String ssn);

    @Query("select p from Patient p where p.ssn in :ssns and p.lastName = :lastName order by p.firstName")
    List<Patient> findWithQueryIn(@Param("ssns") Collection<String> ssns, @Param("lastName") String lastName);

    @Query("select p from #{#entityName} p where p.mrn = ?1")
    List<Patient> findWithTemplatedQuery(Integer mrn);

    @Query(value = "select p from Patient p where p.lastName = :lastName and p.ssn <> :ssn",
            countQuery = "select count(p) from Patient p where p.lastName = :lastName and p.ssn <> :ssn")
    Page<Patient> findOthersWithQuery(@Param("lastName") String lastName, @Param("ssn") String ssn, Pageable page);
}
