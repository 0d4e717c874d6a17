package dev.hibernateae.spring.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Derived and declared searches through tokens. */
public interface MemberRepository extends JpaRepository<Member, Long> {

    Optional<Member> findByEmail(String email);

    List<Member> findByEmailNot(String email);

    List<Member> findByLastNameStartingWithOrderByIdAsc(String prefix);

    List<Member> findByLastNameEndingWith(String suffix);

    List<Member> findByLastNameIgnoreCase(String lastName);

    long countByLastNameStartingWith(String prefix);

    Page<Member> findByLastNameStartingWith(String prefix, Pageable pageable);

    List<Member> findByAgeLessThan(int age);

    List<Member> findByAgeGreaterThanEqual(int age);

    List<Member> findByAgeBetween(int low, int high);

    List<Member> findByJoinedBefore(LocalDate date);

    List<Member> findByJoinedAfter(LocalDate date);

    @Query("select m from Member m where m.lastName like :pattern")
    List<Member> findByPattern(@Param("pattern") String pattern);
}
