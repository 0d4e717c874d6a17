package dev.hibernateae.spring;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a startup failure caused by a query that cannot work on encrypted attributes (a repository method, an
 * {@code @Query}, a named query) into Spring Boot's failure report: the guard's message first, not buried in a stack
 * of bean creation errors.
 */
public final class EncryptedQueryFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedEncryptedQueryException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedEncryptedQueryException cause) {
        return new FailureAnalysis(cause.getMessage(), "Change or remove the query on " + cause.attribute()
                + ". On encrypted attributes the database can only match whole values: =, <>, IN and IS NULL on "
                + "DETERMINISTIC attributes.", cause);
    }
}
