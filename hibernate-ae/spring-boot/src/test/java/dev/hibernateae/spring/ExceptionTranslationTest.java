package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.CellDecryptionException;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.api.UnsupportedPlaintextException;
import dev.hibernateae.spring.app.Patient;
import dev.hibernateae.spring.app.PatientDao;
import dev.hibernateae.spring.app.PatientRepository;
import dev.hibernateae.spring.app.RepositoryTestApplication;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * hibernate-ae's exceptions reach callers of Spring Data repositories and {@code @Repository} beans as Spring
 * {@link DataAccessException}s of the kind README's table names, with the hibernate-ae exception among the causes and
 * its message unchanged.
 */
@SpringBootTest(classes = RepositoryTestApplication.class)
class ExceptionTranslationTest {
    /** Longer than the 11 characters of {@code Patient.ssn}: it cannot be encrypted into the column. */
    static final String TOO_LONG = "795-73-9838-0000-0000";

    @Autowired
    PatientRepository patients;

    @Autowired
    PatientDao dao;

    @Autowired
    DataSource dataSource;

    @Autowired
    ListableBeanFactory beanFactory;

    Patient ada;

    @BeforeEach
    void patients() {
        patients.deleteAllInBatch();
        ada = patients.save(new Patient(RepositoryQueriesTest.ADA, LocalDate.of(1815, 12, 10), 1001, "Ada",
                "Lovelace"));
        patients.save(new Patient(RepositoryQueriesTest.GRACE, LocalDate.of(1906, 12, 9), 1003, "Grace", "Hopper"));
    }

    @Test
    void aDerivedQuerySortedByAnEncryptedAttributeIsInvalidApiUsage() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> patients.findByLastName("Hopper", PageRequest.of(0, 10, Sort.by("ssn"))));

        UnsupportedEncryptedQueryException refused = translated(InvalidDataAccessApiUsageException.class, failure,
                UnsupportedEncryptedQueryException.class);
        assertEquals("Patient.ssn", refused.attribute());
    }

    @Test
    void aDerivedQueryWithAValueThatDoesNotFitTheColumnIsADataIntegrityViolation() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> patients.findBySsn(TOO_LONG));

        translated(DataIntegrityViolationException.class, failure, UnsupportedPlaintextException.class);
        assertFalse(failure.getMessage().contains(TOO_LONG), "never the value: " + failure.getMessage());
    }

    @Test
    void aQueryAnnotationSortedAtRunTimeByAnEncryptedAttributeIsInvalidApiUsage() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> patients.findOthersWithQuery("Hopper",
                RepositoryQueriesTest.ADA, PageRequest.of(0, 10, Sort.by("birthDate"))));

        UnsupportedEncryptedQueryException refused = translated(InvalidDataAccessApiUsageException.class, failure,
                UnsupportedEncryptedQueryException.class);
        assertEquals("Patient.birthDate", refused.attribute());
    }

    @Test
    void findByIdOfARowWhoseCellWasTamperedWithIsADataRetrievalFailure() {
        tamperWithSsnOf(ada);

        RuntimeException failure = assertThrows(RuntimeException.class, () -> patients.findById(ada.id));

        CellDecryptionException refused = translated(DataRetrievalFailureException.class, failure,
                CellDecryptionException.class);
        assertEquals(CellDecryptionException.Reason.TAG_MISMATCH, refused.reason());
    }

    /** Flushed when the repository's transaction commits: the transaction manager's exception is translated too. */
    @Test
    void savingAValueThatDoesNotFitTheColumnIsADataIntegrityViolation() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> patients.save(new Patient(TOO_LONG, null, 2001, "Alan", "Turing")));

        translated(DataIntegrityViolationException.class, failure, UnsupportedPlaintextException.class);
        assertFalse(failure.getMessage().contains(TOO_LONG), "never the value: " + failure.getMessage());
    }

    @Test
    void aRepositoryBeansQueryThatCannotWorkOnCiphertextIsInvalidApiUsage() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> dao.findBySsnPrefix("795"));

        UnsupportedEncryptedQueryException refused = translated(InvalidDataAccessApiUsageException.class, failure,
                UnsupportedEncryptedQueryException.class);
        assertEquals("LIKE", refused.operation());
    }

    @Test
    void aRepositoryBeansFindOfATamperedRowIsADataRetrievalFailure() {
        tamperWithSsnOf(ada);

        RuntimeException failure = assertThrows(RuntimeException.class, () -> dao.find(ada.id));

        translated(DataRetrievalFailureException.class, failure, CellDecryptionException.class);
    }

    @Test
    void aRepositoryBeansFlushOfAValueThatDoesNotFitIsADataIntegrityViolation() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> dao.persistNow(new Patient(TOO_LONG, null, 2002, "Alan", "Turing")));

        translated(DataIntegrityViolationException.class, failure, UnsupportedPlaintextException.class);
    }

    /**
     * Hibernate may wrap an exception in a {@link PersistenceException}, which Spring's JPA translator (the entity
     * manager factory) turns into a generic {@code JpaSystemException}: Spring's own translation interceptor, which
     * advises repositories and {@code @Repository} beans, asks hibernate-ae's translator first.
     */
    @Test
    void aWrappedHibernateAeExceptionIsTranslatedBeforeSpringsJpaTranslatorSeesIt() {
        PersistenceException wrapped = new PersistenceException("Could not load entity",
                new CellDecryptionException(CellDecryptionException.Reason.TAG_MISMATCH, "Cell of Patient.ssn "
                        + "does not authenticate"));

        RuntimeException failure = ThrowingInvocation.throughSpringsTranslation(beanFactory, wrapped);

        translated(DataRetrievalFailureException.class, failure, CellDecryptionException.class);
        assertSame(wrapped, failure.getCause(), "the exception as thrown is the cause");
    }

    /** Flips one bit of the authentication tag, as someone with write access to the table could. */
    private void tamperWithSsnOf(Patient patient) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        byte[] cell = jdbc.queryForObject("select ssn from patient where id = ?", byte[].class, patient.id);
        cell[5] ^= 1;
        jdbc.update("update patient set ssn = ? where id = ?", cell, patient.id);
    }

    /**
     * Asserts that {@code failure} is exactly a {@code type}, carrying the message of the hibernate-ae exception of
     * type {@code cause} among its causes, and returns that exception.
     */
    static <T extends AlwaysEncryptedException> T translated(Class<? extends DataAccessException> type,
            RuntimeException failure, Class<T> cause) {
        assertSame(type, failure.getClass(), () -> "translated to " + failure.getClass().getName() + ": " + failure);
        T original = causeOf(failure, cause);
        assertEquals(original.getMessage(), failure.getMessage(), "the hibernate-ae message, unchanged");
        return original;
    }

    static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " among the causes of " + failure, failure);
    }
}
