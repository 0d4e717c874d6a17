package dev.hibernateae.spring.badquery;

import dev.hibernateae.spring.app.Patient;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Cannot work: its package is scanned only by the test that expects startup to fail. */
public interface SsnPatternQueryRepository extends Repository<Patient, Long> {

    @Query("select p from Patient p where p.ssn like :pattern and p.lastName <> 'Lovelace'")
    List<Patient> searchBySsnPattern(@Param("pattern") String pattern);
}
