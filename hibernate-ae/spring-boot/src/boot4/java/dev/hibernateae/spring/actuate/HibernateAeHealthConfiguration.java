package dev.hibernateae.spring.actuate;

import dev.hibernateae.spring.HibernateAeProperties;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code hibernateAe} health indicator, when Spring Boot's health support (part of Actuator) is on the class
 * path; off with {@code hibernate-ae.health.enabled=false} (or Actuator's {@code management.health.hibernate-ae.enabled}
 * and {@code management.health.defaults.enabled}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class, EntityManagerFactory.class})
@ConditionalOnBooleanProperty(name = HibernateAeProperties.PREFIX + ".health.enabled", matchIfMissing = true)
public class HibernateAeHealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "hibernateAeHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("hibernate-ae")
    HibernateAeHealthIndicator hibernateAeHealthIndicator(ListableBeanFactory beans) {
        // Looked up at every probe, not now: entity manager factories need not exist when the indicator is made.
        return new HibernateAeHealthIndicator(() -> beans.getBeansOfType(EntityManagerFactory.class));
    }
}
