package dev.hibernateae.spring.dao;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.CellDecryptionException;
import dev.hibernateae.api.LifecycleRecordException;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.api.UnsupportedPlaintextException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Which of Spring's {@link DataAccessException}s stands for each hibernate-ae exception (the table in README's
 * "Spring Boot and Spring Data JPA" section says why):
 * <ul>
 *   <li>{@link UnsupportedEncryptedQueryException}: {@link InvalidDataAccessApiUsageException}, the query must
 *       change;</li>
 *   <li>{@link UnsupportedPlaintextException}: {@link DataIntegrityViolationException}, the value does not fit its
 *       column, as Spring reports a value too long or out of range for a plaintext column;</li>
 *   <li>{@link CellDecryptionException}, {@link LifecycleRecordException}: {@link DataRetrievalFailureException},
 *       stored data that does not authenticate;</li>
 *   <li>key errors ({@code ColumnMasterKeyException}, {@code ColumnEncryptionKeyException}) and any other
 *       {@link AlwaysEncryptedException}: {@link DataAccessResourceFailureException}, the keys or key tables cannot be
 *       used until someone fixes them.</li>
 * </ul>
 * The translation carries the hibernate-ae exception's message, which never holds a value or key bytes, and adds
 * nothing to it.
 */
final class DataAccessCategories {

    private DataAccessCategories() {
    }

    /**
     * @param failure the hibernate-ae exception
     * @param thrown the exception as it reached the translator ({@code failure} or one that wraps it): the cause
     */
    static DataAccessException translate(AlwaysEncryptedException failure, RuntimeException thrown) {
        String message = failure.getMessage();
        if (failure instanceof UnsupportedEncryptedQueryException) {
            return new InvalidDataAccessApiUsageException(message, thrown);
        }
        if (failure instanceof UnsupportedPlaintextException) {
            return new DataIntegrityViolationException(message, thrown);
        }
        if (failure instanceof CellDecryptionException || failure instanceof LifecycleRecordException) {
            return new DataRetrievalFailureException(message, thrown);
        }
        return new DataAccessResourceFailureException(message, thrown);
    }
}
