package dev.hibernateae.spring.actuate;

import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationContext;

/**
 * What the {@code hibernateAe} health indicator reports, read through Spring Boot 3.5's health types.
 *
 * @param status the status code ({@code UP}, {@code DOWN}, ...)
 * @param details the health's details
 */
record HealthProbe(String status, Map<String, Object> details) {
    /** Spring Boot 3.5's health indicator type, to hide from a class loader. */
    static final Class<?> INDICATOR_TYPE = HealthIndicator.class;

    /** Asks the context's {@code hibernateAeHealthIndicator} bean now. */
    static HealthProbe of(ApplicationContext context) {
        Health health = context.getBean("hibernateAeHealthIndicator", HealthIndicator.class).health();
        return new HealthProbe(health.getStatus().getCode(), health.getDetails());
    }
}
