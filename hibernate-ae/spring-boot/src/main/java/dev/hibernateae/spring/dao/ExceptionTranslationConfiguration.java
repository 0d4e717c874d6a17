package dev.hibernateae.spring.dao;

import dev.hibernateae.spring.HibernateAeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Registers the {@link AlwaysEncryptedExceptionTranslator}; off with
 * {@code hibernate-ae.exception-translation.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(PersistenceExceptionTranslator.class)
@ConditionalOnBooleanProperty(name = HibernateAeProperties.PREFIX + ".exception-translation.enabled",
        matchIfMissing = true)
public class ExceptionTranslationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AlwaysEncryptedExceptionTranslator hibernateAeExceptionTranslator() {
        return new AlwaysEncryptedExceptionTranslator();
    }
}
