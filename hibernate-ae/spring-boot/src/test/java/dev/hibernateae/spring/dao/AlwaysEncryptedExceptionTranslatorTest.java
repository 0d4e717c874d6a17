package dev.hibernateae.spring.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.CellDecryptionException;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.LifecycleRecordException;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.api.UnsupportedPlaintextException;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.jpa.repository.query.BadJpqlGrammarException;
import org.springframework.orm.jpa.JpaSystemException;

/** Each hibernate-ae exception, wherever it is among the causes, becomes the DataAccessException README's table names. */
class AlwaysEncryptedExceptionTranslatorTest {
    private final AlwaysEncryptedExceptionTranslator translator = new AlwaysEncryptedExceptionTranslator();

    static List<Arguments> mapping() {
        return List.of(
                Arguments.of(new UnsupportedEncryptedQueryException("Patient.ssn", "LIKE", "Query cannot run"),
                        InvalidDataAccessApiUsageException.class),
                Arguments.of(new UnsupportedPlaintextException("String of 21 characters is longer than 11"),
                        DataIntegrityViolationException.class),
                Arguments.of(new CellDecryptionException(CellDecryptionException.Reason.TAG_MISMATCH, "Cell of "
                        + "Patient.ssn does not authenticate"), DataRetrievalFailureException.class),
                Arguments.of(new LifecycleRecordException("hae_key_rotations: rotation of key name 'cek1'",
                        "Cannot store or read Patient.ssn"), DataRetrievalFailureException.class),
                Arguments.of(new ColumnMasterKeyException("Key store of provider MSSQL_JAVA_KEYSTORE cannot be "
                        + "opened"), DataAccessResourceFailureException.class),
                Arguments.of(new ColumnEncryptionKeyException("Column encryption key 'cek1' is not in the database"),
                        DataAccessResourceFailureException.class),
                Arguments.of(new AlwaysEncryptedException("Could not read the key lifecycle tables"),
                        DataAccessResourceFailureException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mapping")
    void wrappedByThePersistenceProvider(AlwaysEncryptedException failure, Class<?> expected) {
        PersistenceException wrapped = new PersistenceException("Could not execute statement", failure);

        DataAccessException translated = translator.translateExceptionIfPossible(wrapped);

        assertSame(expected, translated.getClass());
        assertSame(wrapped, translated.getCause(), "the exception as thrown is the cause");
        assertEquals(failure.getMessage(), translated.getMessage(), "hibernate-ae's message alone");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mapping")
    void thrownAsItIs(AlwaysEncryptedException failure, Class<?> expected) {
        DataAccessException translated = translator.translateExceptionIfPossible(failure);

        assertSame(expected, translated.getClass());
        assertSame(failure, translated.getCause());
    }

    @Test
    void theOutermostHibernateAeExceptionDecides() {
        LifecycleRecordException record = new LifecycleRecordException("hae_column_transitions: Patient.ssn",
                "Cannot store or read Patient.ssn", new ColumnMasterKeyException("Key path is not trusted"));

        assertSame(DataRetrievalFailureException.class,
                translator.translateExceptionIfPossible(new PersistenceException(record)).getClass());
    }

    /** Spring Data reports a refused derived query as bad JPQL grammar; Spring's JPA translator as a system error. */
    @Test
    void dataAccessExceptionsThatMiscategorizeAHibernateAeFailureAreTranslated() {
        UnsupportedEncryptedQueryException refused = new UnsupportedEncryptedQueryException("Patient.ssn",
                "ORDER BY", "Query cannot run on encrypted data");
        BadJpqlGrammarException grammar = new BadJpqlGrammarException(refused.getMessage(),
                "select e from Patient e order by e.ssn", refused);
        JpaSystemException system = new JpaSystemException(new PersistenceException(
                new CellDecryptionException(CellDecryptionException.Reason.INVALID_PADDING, "Cell does not decrypt")));

        assertSame(InvalidDataAccessApiUsageException.class,
                translator.translateExceptionIfPossible(grammar).getClass());
        assertSame(DataRetrievalFailureException.class, translator.translateExceptionIfPossible(system).getClass());
    }

    /** Nested repositories translate the same exception twice: the second time leaves it alone. */
    @Test
    void aTranslationIsNotTranslatedAgain() {
        DataAccessException once = translator.translateExceptionIfPossible(
                new UnsupportedPlaintextException("BigDecimal has more digits than the attribute's precision"));

        assertNull(translator.translateExceptionIfPossible(once));
    }

    @Test
    void exceptionsWithoutAHibernateAeCauseAreLeftToOtherTranslators() {
        assertNull(translator.translateExceptionIfPossible(new PersistenceException("Could not execute statement",
                new IllegalStateException("connection closed"))));
        assertNull(translator.translateExceptionIfPossible(new IllegalArgumentException("not an entity")));
    }

    @Test
    void aCycleAmongTheCausesEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertNull(assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> translator.translateExceptionIfPossible(first)));
    }
}
