package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.spring.app.Patient;
import dev.hibernateae.spring.app.RepositoryTestApplication;
import dev.hibernateae.spring.data.RepositoryQueryGuards;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

/**
 * Repository methods that cannot work on encrypted attributes are refused when the repository is created, with the
 * query guard's exception and message. Each repository here is created the way Spring Data creates the
 * application's own at startup ({@link RepositoryStartupTest} shows the application really failing to start).
 */
@SpringBootTest(classes = RepositoryTestApplication.class)
class RepositoryMethodRefusalTest {

    /** A method name that would be refused, answered by the JPA named query of that name instead. */
    interface NamedQueryBehindTheName extends Repository<Patient, Long> {
        List<Patient> findBySsnEndingWith(@Param("ssn") String ssn);
    }

    interface SsnLike extends Repository<Patient, Long> {
        List<Patient> findBySsnLike(String pattern);
    }

    interface SsnStartingWith extends Repository<Patient, Long> {
        List<Patient> findBySsnStartingWith(String prefix);
    }

    interface SsnContaining extends Repository<Patient, Long> {
        List<Patient> findBySsnContaining(String part);
    }

    interface SsnNotLike extends Repository<Patient, Long> {
        List<Patient> findBySsnNotLike(String pattern);
    }

    interface SsnIgnoreCase extends Repository<Patient, Long> {
        List<Patient> findBySsnIgnoreCase(String ssn);
    }

    interface SsnGreaterThan extends Repository<Patient, Long> {
        List<Patient> findBySsnGreaterThan(String ssn);
    }

    interface MrnBetween extends Repository<Patient, Long> {
        List<Patient> findByMrnBetween(Integer low, Integer high);
    }

    interface BirthDateAfter extends Repository<Patient, Long> {
        List<Patient> findByBirthDateAfter(LocalDate date);
    }

    interface BirthDateEquals extends Repository<Patient, Long> {
        List<Patient> findByBirthDate(LocalDate date);
    }

    interface OrderBySsn extends Repository<Patient, Long> {
        List<Patient> findByLastNameOrderBySsn(String lastName);
    }

    interface TopByBirthDate extends Repository<Patient, Long> {
        List<Patient> findTop3ByOrderByBirthDateDesc();
    }

    interface CountByBirthDateBefore extends Repository<Patient, Long> {
        long countByBirthDateBefore(LocalDate date);
    }

    interface QueryWithLike extends Repository<Patient, Long> {
        @Query("select p from Patient p where p.ssn like :pattern")
        List<Patient> search(String pattern);
    }

    interface QueryWithOrderBy extends Repository<Patient, Long> {
        @Query("select p from Patient p where p.lastName = ?1 order by p.mrn")
        List<Patient> byLastName(String lastName);
    }

    interface CountQueryWithFunction extends Repository<Patient, Long> {
        @Query(value = "select p from Patient p where p.lastName = :lastName",
                countQuery = "select count(p) from Patient p where p.lastName = :lastName and length(p.ssn) = 11")
        org.springframework.data.domain.Page<Patient> byLastName(String lastName,
                org.springframework.data.domain.Pageable page);
    }

    static List<Arguments> refusedMethods() {
        return List.of(
                Arguments.of(SsnLike.class, "findBySsnLike", "Patient.ssn", "LIKE"),
                Arguments.of(SsnStartingWith.class, "findBySsnStartingWith", "Patient.ssn", "LIKE"),
                Arguments.of(SsnContaining.class, "findBySsnContaining", "Patient.ssn", "LIKE"),
                Arguments.of(SsnNotLike.class, "findBySsnNotLike", "Patient.ssn", "LIKE"),
                Arguments.of(SsnIgnoreCase.class, "findBySsnIgnoreCase", "Patient.ssn", "upper"),
                Arguments.of(SsnGreaterThan.class, "findBySsnGreaterThan", "Patient.ssn", ">"),
                Arguments.of(MrnBetween.class, "findByMrnBetween", "Patient.mrn", "BETWEEN"),
                Arguments.of(BirthDateAfter.class, "findByBirthDateAfter", "Patient.birthDate", ">"),
                Arguments.of(BirthDateEquals.class, "findByBirthDate", "Patient.birthDate", "="),
                Arguments.of(OrderBySsn.class, "findByLastNameOrderBySsn", "Patient.ssn", "ORDER BY"),
                Arguments.of(TopByBirthDate.class, "findTop3ByOrderByBirthDateDesc", "Patient.birthDate", "ORDER BY"),
                Arguments.of(CountByBirthDateBefore.class, "countByBirthDateBefore", "Patient.birthDate", "<"));
    }

    interface QueryWithTemplatedEntityName extends Repository<Patient, Long> {
        @Query("select p from #{#entityName} p where p.birthDate > ?1")
        List<Patient> bornAfter(LocalDate date);
    }

    /** Spring Data's own LIKE syntax, which it rewrites before Hibernate reads the query. */
    interface QueryWithLikeWildcards extends Repository<Patient, Long> {
        @Query("select p from Patient p where p.ssn like %:part%")
        List<Patient> ssnContaining(@Param("part") String part);
    }

    /** A SpEL parameter expression, which Spring Data binds as a parameter of its own. */
    interface QueryWithExpressionParameter extends Repository<Patient, Long> {
        @Query("select p from Patient p where p.mrn >= :#{#low}")
        List<Patient> mrnFrom(@Param("low") Integer low);
    }

    static List<Arguments> refusedQueryAnnotations() {
        return List.of(
                Arguments.of(QueryWithLike.class, "search", "Patient.ssn", "LIKE"),
                Arguments.of(QueryWithOrderBy.class, "byLastName", "Patient.mrn", "ORDER BY"),
                Arguments.of(CountQueryWithFunction.class, "byLastName (count query)", "Patient.ssn", "length"),
                Arguments.of(QueryWithTemplatedEntityName.class, "bornAfter", "Patient.birthDate", ">"),
                Arguments.of(QueryWithLikeWildcards.class, "ssnContaining", "Patient.ssn", "LIKE"),
                Arguments.of(QueryWithExpressionParameter.class, "mrnFrom", "Patient.mrn", ">="));
    }

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedMethods")
    void refusedWhenTheRepositoryIsCreated(Class<?> repository, String method, String attribute, String operation) {
        assertRefusedNamingTheMethod(repository, method, attribute, operation);
    }

    /** Checked before Spring Data validates the query, whose own failure would name neither method nor attribute. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedQueryAnnotations")
    void queryAnnotationsAreRefusedWhenTheRepositoryIsCreated(Class<?> repository, String method, String attribute,
            String operation) {
        assertRefusedNamingTheMethod(repository, method, attribute, operation);
    }

    private void assertRefusedNamingTheMethod(Class<?> repository, String method, String attribute,
            String operation) {
        UnsupportedEncryptedQueryException refused = refusal(repository);

        String prefix = "Repository method " + repository.getSimpleName() + "." + method + ": ";
        assertTrue(refused.getMessage().startsWith(prefix + "Query cannot run on encrypted data: " + attribute + " ("),
                refused.getMessage());
        assertEquals(attribute, refused.attribute());
        assertTrue(refused.operation().contains(operation), refused.operation());
        assertTrue(refused.getCause() instanceof UnsupportedEncryptedQueryException guard
                && refused.getMessage().equals(prefix + guard.getMessage()), "the guard's own message, named");
    }

    /** Spring Data runs the named query, not one derived from the name: the name is not judged. */
    @Test
    void aMethodAnsweredByANamedQueryIsNotJudgedByItsName() {
        assertDoesNotThrow(() -> create(NamedQueryBehindTheName.class));
    }

    @Test
    void messagesNeverHoldTheQueryTextsValues() {
        UnsupportedEncryptedQueryException refused = refusal(SsnLike.class);
        assertFalse(refused.getMessage().contains(":p1"), "no JPQL of the check in the message");
    }

    private UnsupportedEncryptedQueryException refusal(Class<?> repository) {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> create(repository));
        return causeOf(failure);
    }

    private void create(Class<?> repository) {
        JpaRepositoryFactory factory = new JpaRepositoryFactory(
                SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
        RepositoryQueryGuards.addTo(factory, entityManagerFactory, repository);
        factory.getRepository(repository);
    }

    static UnsupportedEncryptedQueryException causeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedEncryptedQueryException refused) {
                return refused;
            }
        }
        throw new AssertionError("not refused by the guard: " + failure, failure);
    }
}
