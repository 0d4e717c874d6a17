package dev.hibernateae.spring.badrepository;

import dev.hibernateae.spring.app.Patient;
import java.util.List;
import org.springframework.data.repository.Repository;

/** Cannot work: its package is scanned only by the test that expects startup to fail. */
public interface SsnLikeRepository extends Repository<Patient, Long> {

    List<Patient> findBySsnLike(String pattern);
}
