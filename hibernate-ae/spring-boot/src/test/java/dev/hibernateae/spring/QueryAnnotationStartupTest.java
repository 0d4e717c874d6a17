package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.spring.app.Patient;
import dev.hibernateae.spring.badquery.SsnPatternQueryRepository;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * An application whose repository declares an {@code @Query} that cannot work on encrypted attributes does not start,
 * and its failure names the repository method, the attribute and the operation, without the query's text.
 */
class QueryAnnotationStartupTest {
    private static final String METHOD = "SsnPatternQueryRepository.searchBySsnPattern";

    @Configuration(proxyBeanMethods = false)
    @ScanEntities(Patient.class)
    @EnableJpaRepositories(basePackageClasses = SsnPatternQueryRepository.class)
    static class ApplicationWithABadQuery {
    }

    /**
     * A database of each test's own: schema generation leaves the key tables behind, and an application started
     * over key tables without its keys stops at the key startup check, before the check under test.
     */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(JpaAutoConfigurations.jpaRepositories(HibernateAeAutoConfiguration.class))
            .withUserConfiguration(ApplicationWithABadQuery.class)
            .withPropertyValues(
                    "spring.datasource.url=jdbc:h2:mem:bad-query-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "spring.jpa.hibernate.ddl-auto=create-drop", "hibernate-ae.trusted-master-key-paths=cmk1");

    @Test
    void startupFailureNamesTheRepositoryMethodTheAttributeAndTheOperation() {
        runner.run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure, "the application must not start");
            UnsupportedEncryptedQueryException refused = RepositoryMethodRefusalTest.causeOf(failure);
            assertEquals("Patient.ssn", refused.attribute());
            assertEquals("LIKE", refused.operation());

            String message = failure.getMessage();
            assertTrue(message.contains("Repository method " + METHOD + ": Query cannot run on encrypted data: "
                    + "Patient.ssn ("), message);
            assertTrue(message.contains(" LIKE"), message);
            assertTrue(message.contains("Match whole values with ="), "says what to do: " + message);
            assertFalse(message.contains("Lovelace") || message.contains("select p"),
                    "the query's text (whose literals may be sensitive) stays out: " + message);

            FailureAnalysis analysis = new EncryptedQueryFailureAnalyzer().analyze(failure);
            assertTrue(analysis.getDescription().startsWith("Repository method " + METHOD + ": "),
                    analysis.getDescription());
            assertTrue(analysis.getDescription().contains("Patient.ssn") && analysis.getDescription().contains("LIKE"),
                    analysis.getDescription());
            assertTrue(analysis.getAction().contains("Patient.ssn"), analysis.getAction());
        });
    }

    /**
     * Without hibernate-ae's check Spring Data still validates the query through the guarded HQL reader, so startup
     * still fails; Spring Boot's report names the method Spring Data was creating.
     */
    @Test
    void withTheCheckTurnedOffSpringDatasValidationRefusesTheQueryAndTheReportNamesTheMethod() {
        runner.withPropertyValues("hibernate-ae.repositories.check-queries=false").run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure, "Spring Data's validation of the query must stop the application");
            UnsupportedEncryptedQueryException refused = RepositoryMethodRefusalTest.causeOf(failure);
            assertTrue(refused.getMessage().startsWith("Query cannot run on encrypted data: Patient.ssn ("),
                    "the guard's own exception, not hibernate-ae's named one: " + refused.getMessage());

            FailureAnalysis analysis = new EncryptedQueryFailureAnalyzer().analyze(failure);
            assertEquals("Repository method " + METHOD + ": " + refused.getMessage(), analysis.getDescription());
        });
    }
}
