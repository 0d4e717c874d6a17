package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.UUID;
import dev.hibernateae.spring.app.Patient;
import dev.hibernateae.spring.badrepository.SsnLikeRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** An application whose repository declares {@code findBySsnLike} does not start, and says why. */
class RepositoryStartupTest {

    @Configuration(proxyBeanMethods = false)
    @ScanEntities(Patient.class)
    @EnableJpaRepositories(basePackageClasses = SsnLikeRepository.class)
    static class ApplicationWithABadRepository {
    }

    /**
     * A database of each test's own: schema generation leaves the key tables behind, and an application started
     * over key tables without its keys stops at the key startup check, before the check under test.
     */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(JpaAutoConfigurations.jpaRepositories(HibernateAeAutoConfiguration.class))
            .withUserConfiguration(ApplicationWithABadRepository.class)
            .withPropertyValues(
                    "spring.datasource.url=jdbc:h2:mem:bad-repository-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "spring.jpa.hibernate.ddl-auto=create-drop", "hibernate-ae.trusted-master-key-paths=cmk1");

    @Test
    void startupFailsWithTheGuardsMessageAndSpringBootReportsIt() {
        runner.run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure, "the application must not start");
            UnsupportedEncryptedQueryException refused = RepositoryMethodRefusalTest.causeOf(failure);
            assertTrue(refused.getMessage().startsWith("Repository method SsnLikeRepository.findBySsnLike: "
                    + "Query cannot run on encrypted data: Patient.ssn ("), refused.getMessage());
            assertEquals("Patient.ssn", refused.attribute());

            assertTrue(registeredFailureAnalyzers().contains(EncryptedQueryFailureAnalyzer.class.getName()));
            FailureAnalysis analysis = new EncryptedQueryFailureAnalyzer().analyze(failure);
            assertEquals(refused.getMessage(), analysis.getDescription());
            assertTrue(analysis.getAction().contains("Patient.ssn"), analysis.getAction());
        });
    }

    private static String registeredFailureAnalyzers() throws IOException {
        StringBuilder names = new StringBuilder();
        for (URL url : Collections.list(RepositoryStartupTest.class.getClassLoader()
                .getResources("META-INF/spring.factories"))) {
            names.append(PropertiesLoaderUtils.loadProperties(new UrlResource(url))
                    .getProperty(FailureAnalyzer.class.getName(), "")).append(',');
        }
        return names.toString();
    }

    @Test
    void withTheCheckTurnedOffTheMethodIsRefusedWhenCalled() {
        runner.withPropertyValues("hibernate-ae.repositories.check-queries=false").run(context -> {
            if (SpringDataReporting.DERIVED_QUERIES_BUILT_AT_STARTUP) {
                // Spring Data JPA 3.5 builds the query with the repository: Hibernate refuses it then, in its words.
                assertNotNull(context.getStartupFailure(), "Spring Data JPA 3.5 builds the query at startup");
                assertTrue(context.getStartupFailure().getMessage().contains("findBySsnLike"));
                return;
            }
            assertNull(context.getStartupFailure());
            SsnLikeRepository repository = context.getBean(SsnLikeRepository.class);

            RuntimeException failure = assertThrows(RuntimeException.class, () -> repository.findBySsnLike("795%"));

            UnsupportedEncryptedQueryException refused = RepositoryMethodRefusalTest.causeOf(failure);
            assertTrue(refused.getMessage().startsWith("Query cannot run on encrypted data: Patient.ssn ("),
                    refused.getMessage());
        });
    }
}
