package dev.hibernateae.spring;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.spring.data.RepositoryMethodRefusal;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.ClassUtils;

/**
 * Turns a startup failure caused by a query that cannot work on encrypted attributes (a repository method, an
 * {@code @Query}, a named query) into Spring Boot's failure report: the guard's message first, not buried in a stack
 * of bean creation errors. A refusal raised by Spring Data's own validation of a repository query (with
 * {@code hibernate-ae.repositories.check-queries=false}, or a query hibernate-ae's check could not read) is reported
 * with the repository method Spring Data was creating.
 */
public final class EncryptedQueryFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedEncryptedQueryException> {
    private static final boolean SPRING_DATA_PRESENT = ClassUtils.isPresent(
            "org.springframework.data.repository.query.QueryCreationException",
            EncryptedQueryFailureAnalyzer.class.getClassLoader());

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedEncryptedQueryException cause) {
        String description = SPRING_DATA_PRESENT
                ? RepositoryMethodRefusal.describe(rootFailure, cause).orElse(cause.getMessage())
                : cause.getMessage();
        return new FailureAnalysis(description, "Change or remove the query on " + cause.attribute()
                + ". On encrypted attributes the database can only match whole values: =, <>, IN and IS NULL on "
                + "DETERMINISTIC attributes.", cause);
    }
}
