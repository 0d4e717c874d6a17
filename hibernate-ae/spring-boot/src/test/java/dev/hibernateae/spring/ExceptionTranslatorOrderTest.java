package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.spring.dao.AlwaysEncryptedExceptionTranslator;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaSystemException;

/**
 * The translator bean is registered unless turned off, and Spring's translation asks it before Spring's JPA
 * translator even when that one is registered first, as an application's own entity manager factory is (application
 * configuration comes before auto-configuration).
 */
class ExceptionTranslatorOrderTest {

    /** What an entity manager factory bean translates with, declared by the application, unordered. */
    @Configuration(proxyBeanMethods = false)
    static class ApplicationsJpaTranslator {
        @Bean
        PersistenceExceptionTranslator jpaTranslator() {
            return EntityManagerFactoryUtils::convertJpaAccessExceptionIfPossible;
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ApplicationsJpaTranslator.class)
            .withConfiguration(AutoConfigurations.of(HibernateAeAutoConfiguration.class));

    private final PersistenceException wrapped = new PersistenceException("Could not load entity",
            new ColumnEncryptionKeyException("Column encryption key 'cek1' is not in the database"));

    @Test
    void askedBeforeSpringsJpaTranslator() {
        runner.run(context -> {
            RuntimeException failure = ThrowingInvocation.throughSpringsTranslation(context, wrapped);

            assertSame(DataAccessResourceFailureException.class, failure.getClass(), failure::toString);
        });
    }

    @Test
    void turnedOffSpringsJpaTranslatorAlone() {
        runner.withPropertyValues("hibernate-ae.exception-translation.enabled=false").run(context -> {
            assertTrue(context.getBeansOfType(AlwaysEncryptedExceptionTranslator.class).isEmpty());

            RuntimeException failure = ThrowingInvocation.throughSpringsTranslation(context, wrapped);

            assertSame(JpaSystemException.class, failure.getClass(), failure::toString);
        });
    }
}
