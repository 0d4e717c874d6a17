package dev.hibernateae.spring.data;

import dev.hibernateae.spring.HibernateAeProperties;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;

/** Checks Spring Data JPA repository query methods at startup; off with {@code hibernate-ae.repositories.check-queries=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JpaRepositoryFactoryBean.class)
@ConditionalOnBooleanProperty(name = HibernateAeProperties.PREFIX + ".repositories.check-queries", matchIfMissing = true)
public class RepositoryQueryGuardConfiguration {

    /** Static: a post-processor must exist before the beans it processes, and so before this configuration. */
    @Bean
    static RepositoryQueryGuardRegistrar hibernateAeRepositoryQueryGuard(
            ObjectProvider<EntityManagerFactory> entityManagerFactories) {
        return new RepositoryQueryGuardRegistrar(entityManagerFactories);
    }
}
