package dev.hibernateae.spring.actuate;

import dev.hibernateae.spring.HibernateAeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key ring's Micrometer meters ({@link KeyRingMeters}), when micrometer-core is on the class path; off with
 * {@code hibernate-ae.metrics.enabled=false}. As a {@code KeyRingListener} bean it reaches Hibernate through the
 * settings customizer; as a {@code MeterBinder} bean Spring Boot's metrics support binds it to the registry.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = HibernateAeProperties.PREFIX + ".metrics.enabled", matchIfMissing = true)
public class HibernateAeMetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KeyRingMeters hibernateAeKeyRingMeters() {
        return new KeyRingMeters();
    }
}
