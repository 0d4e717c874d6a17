package dev.hibernateae.samples.quarkus;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a PostgreSQL test class only when the server answers, decided before Quarkus starts the application for it.
 * In CI (env {@code CI} set) the class always runs, so a server CI failed to start fails the tests instead of
 * skipping them; elsewhere an unreachable server skips the class with a message.
 */
public final class PostgresAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (System.getenv("CI") != null) {
            return ConditionEvaluationResult.enabled("CI: PostgreSQL must be running");
        }
        try {
            PostgresServer.execute("select 1");
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresServer.URL);
        } catch (Exception e) {
            return ConditionEvaluationResult.disabled("PostgreSQL at " + PostgresServer.URL + " is not reachable ("
                    + e.getMessage() + "); skipped outside CI");
        }
    }
}
