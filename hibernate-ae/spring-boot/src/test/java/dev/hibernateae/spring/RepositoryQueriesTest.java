package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.spring.app.Patient;
import dev.hibernateae.spring.app.PatientRepository;
import dev.hibernateae.spring.app.RepositoryTestApplication;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every repository form the issue names, on encrypted attributes, returning the right rows. */
@SpringBootTest(classes = RepositoryTestApplication.class)
class RepositoryQueriesTest {
    static final String ADA = "795-73-9838";
    static final String ALAN = "123-45-6789";
    static final String GRACE = "555-12-3456";
    static final String EDSGER = "987-65-4321";

    @Autowired
    PatientRepository patients;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void fourPatients() {
        patients.deleteAllInBatch();
        patients.saveAll(List.of(
                new Patient(ADA, LocalDate.of(1815, 12, 10), 1001, "Ada", "Lovelace"),
                new Patient(ALAN, LocalDate.of(1912, 6, 23), 1002, "Alan", "Turing"),
                new Patient(GRACE, LocalDate.of(1906, 12, 9), 1003, "Grace", "Hopper"),
                new Patient(EDSGER, null, 1004, "Edsger", "Hopper")));
    }

    @Test
    void theDatabaseHoldsCiphertextOnly() {
        List<byte[]> cells = new JdbcTemplate(dataSource).queryForList("select ssn from patient", byte[].class);
        assertEquals(4, cells.size());
        for (byte[] cell : cells) {
            assertEquals(81, cell.length, "one AEAD cell per SSN: 22 bytes of UTF-16LE");
            assertEquals(1, cell[0], "cell version byte");
        }
    }

    @Test
    void findBySsn() {
        assertEquals("Lovelace", patients.findBySsn(ADA).orElseThrow().lastName);
        assertTrue(patients.findBySsn("000-00-0000").isEmpty());
    }

    @Test
    void findBySsnIn() {
        assertEquals(Set.of("Ada", "Grace"), firstNames(patients.findBySsnIn(List.of(ADA, GRACE, "000-00-0000"))));
    }

    @Test
    void existsBySsn() {
        assertTrue(patients.existsBySsn(ALAN));
        assertFalse(patients.existsBySsn("000-00-0000"));
    }

    @Test
    void countBySsn() {
        assertEquals(1, patients.countBySsn(GRACE));
        assertEquals(0, patients.countBySsn("000-00-0000"));
    }

    @Test
    void deleteBySsn() {
        assertEquals(1, patients.deleteBySsn(ALAN));
        assertEquals(Set.of("Ada", "Grace", "Edsger"), firstNames(patients.findAll()));
    }

    @Test
    void findByAnAttributeUnderAKeyWrappedInAzureKeyVault() {
        assertEquals(Set.of("Grace"), firstNames(patients.findByMrn(1003)));
    }

    @Test
    void encryptedAndPlainConditionsTogether() {
        assertEquals(Set.of("Grace"), firstNames(patients.findBySsnAndLastName(GRACE, "Hopper")));
        assertEquals(Set.of(), firstNames(patients.findBySsnAndLastName(GRACE, "Turing")));
        assertEquals(Set.of("Ada", "Edsger"), firstNames(patients.findBySsnOrMrn(ADA, 1004)));
        assertEquals(Set.of("Alan", "Grace", "Edsger"), firstNames(patients.findBySsnNot(ADA)));
        assertEquals(Set.of("Edsger"), firstNames(patients.findByBirthDateIsNull()));
    }

    @Test
    void encryptedValuesAreReadBack() {
        Patient ada = patients.findBySsn(ADA).orElseThrow();
        assertEquals(ADA, ada.ssn);
        assertEquals(LocalDate.of(1815, 12, 10), ada.birthDate);
        assertEquals(1001, ada.mrn);
    }

    @Test
    void queryAnnotationWithParameters() {
        assertEquals("Turing", patients.findWithQuery(ALAN).orElseThrow().lastName);
        assertEquals(List.of("Edsger", "Grace"),
                patients.findWithQueryIn(List.of(GRACE, EDSGER, ADA), "Hopper").stream().map(p -> p.firstName).toList());
        assertEquals(Set.of("Ada"), firstNames(patients.findWithTemplatedQuery(1001)));
    }

    @Test
    void queryAnnotationWithPaging() {
        Page<Patient> page = patients.findOthersWithQuery("Hopper", GRACE, PageRequest.of(0, 10, Sort.by("firstName")));
        assertEquals(1, page.getTotalElements());
        assertEquals("Edsger", page.getContent().get(0).firstName);
    }

    @Test
    void specifications() {
        Specification<Patient> ssnIs = (root, query, cb) -> cb.equal(root.get("ssn"), GRACE);
        Specification<Patient> lastNameIs = (root, query, cb) -> cb.equal(root.get("lastName"), "Hopper");
        Specification<Patient> ssnIn = (root, query, cb) -> root.get("ssn").in(ADA, ALAN);

        assertEquals(Set.of("Grace"), firstNames(patients.findAll(ssnIs.and(lastNameIs))));
        assertEquals(Set.of("Ada", "Alan"), firstNames(patients.findAll(ssnIn)));
        assertEquals(1, patients.count(ssnIs));
        assertTrue(patients.exists(ssnIs.or(ssnIn)));
    }

    @Test
    void pagingAndSortingByPlainAttributes() {
        Page<Patient> first = patients.findByLastName("Hopper", PageRequest.of(0, 1, Sort.by("firstName")));
        assertEquals(2, first.getTotalElements());
        assertEquals("Edsger", first.getContent().get(0).firstName);

        Page<Patient> all = patients.findAll(PageRequest.of(1, 3, Sort.by("lastName", "firstName")));
        assertEquals(List.of("Alan"), all.getContent().stream().map(p -> p.firstName).toList());

        assertEquals(List.of("Edsger", "Grace"),
                patients.findByLastNameOrderByFirstNameAsc("Hopper").stream().map(p -> p.firstName).toList());
        assertEquals(List.of("Grace", "Edsger"),
                patients.findTop2ByLastNameStartingWithOrderByFirstNameDesc("Hop").stream().map(p -> p.firstName)
                        .toList());

        Specification<Patient> ssnIn = (root, query, cb) -> root.get("ssn").in(ADA, GRACE, EDSGER);
        Page<Patient> specPage = patients.findAll(ssnIn, PageRequest.of(0, 2, Sort.by(Sort.Direction.DESC, "lastName")));
        assertEquals(3, specPage.getTotalElements());
        assertEquals(List.of("Lovelace", "Hopper"), specPage.getContent().stream().map(p -> p.lastName).toList());
    }

    @Test
    void sortingByAnEncryptedAttributeIsRefusedWhenItRuns() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> patients.findByLastName("Hopper", PageRequest.of(0, 10, Sort.by("ssn"))));

        UnsupportedEncryptedQueryException refused = RepositoryMethodRefusalTest.causeOf(failure);
        assertEquals("Patient.ssn", refused.attribute());
        assertTrue(refused.getMessage().startsWith("Query cannot run on encrypted data: Patient.ssn ("),
                refused.getMessage());
    }

    @Test
    void aSpecificationWithLikeOnAnEncryptedAttributeReturnsNothingButAnError() {
        Specification<Patient> ssnLike = (root, query, cb) -> cb.like(root.get("ssn"), "795%");

        assertThrows(RuntimeException.class, () -> patients.findAll(ssnLike));
    }

    static Set<String> firstNames(Collection<Patient> found) {
        return found.stream().map(p -> p.firstName).collect(Collectors.toSet());
    }
}
