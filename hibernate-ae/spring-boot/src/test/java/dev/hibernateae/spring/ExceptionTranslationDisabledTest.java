package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.api.UnsupportedPlaintextException;
import dev.hibernateae.spring.app.PatientRepository;
import dev.hibernateae.spring.app.RepositoryTestApplication;
import dev.hibernateae.spring.dao.AlwaysEncryptedExceptionTranslator;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.jpa.JpaSystemException;

/** With {@code hibernate-ae.exception-translation.enabled=false} only Spring's JPA translation applies. */
@SpringBootTest(classes = RepositoryTestApplication.class, properties = {
        "hibernate-ae.exception-translation.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:no-exception-translation;DB_CLOSE_DELAY=-1"})
class ExceptionTranslationDisabledTest {

    @Autowired
    ListableBeanFactory beanFactory;

    @Autowired
    PatientRepository patients;

    @Test
    void noTranslatorBean() {
        assertTrue(beanFactory.getBeansOfType(AlwaysEncryptedExceptionTranslator.class).isEmpty());
    }

    @Test
    void aWrappedHibernateAeExceptionBecomesSpringsGenericJpaSystemException() {
        PersistenceException wrapped = new PersistenceException("Could not bind",
                new UnsupportedPlaintextException("String of 21 characters is longer than the attribute's length"));

        RuntimeException failure = ThrowingInvocation.throughSpringsTranslation(beanFactory, wrapped);

        assertSame(JpaSystemException.class, failure.getClass());
    }

    @Test
    void aRefusedQueryReachesTheCallerAsSpringDataReportsIt() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> patients.findByLastName("Hopper", PageRequest.of(0, 10, Sort.by("ssn"))));

        assertSame(SpringDataReporting.REFUSED_SORTED_QUERY, failure.getClass());
        if (!(failure instanceof UnsupportedEncryptedQueryException)) {
            ExceptionTranslationTest.causeOf(failure, UnsupportedEncryptedQueryException.class);
        }
    }
}
