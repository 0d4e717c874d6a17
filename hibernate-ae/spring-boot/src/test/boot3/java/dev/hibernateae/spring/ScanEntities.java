package dev.hibernateae.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.core.annotation.AliasFor;

/** Spring Boot 3.5's {@code @EntityScan}, under a name the tests of both Spring Boot lines share. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EntityScan
public @interface ScanEntities {
    /** @return classes whose packages hold the entities */
    @AliasFor(annotation = EntityScan.class, attribute = "basePackageClasses")
    Class<?>[] value();
}
