package dev.hibernateae.spring;

/**
 * The Spring Boot line this artifact is built for, Spring Boot 4, and the names of Boot's classes that differ from
 * Spring Boot 3's (the Hibernate support moved to spring-boot-hibernate).
 */
final class BootLine {
    /** This artifact's Spring Boot line, for messages. */
    static final String NAME = "Spring Boot 4";
    /** Whether this artifact is built for Spring Boot 3. */
    static final boolean BOOT_3 = false;
    /** This artifact, for messages. */
    static final String ARTIFACT = "hibernate-ae-spring-boot";
    /** What to depend on in an application that runs the other Spring Boot line. */
    static final String OTHER_LINE_ARTIFACTS = "hibernate-ae-spring-boot3 and hibernate-ae-core-hibernate6 "
            + "(Spring Boot 3.5 runs Hibernate ORM 6.6)";
    /** The JPA auto-configuration hibernate-ae's runs before. */
    static final String HIBERNATE_JPA_AUTO_CONFIGURATION =
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration";
    /** The interface through which the settings reach Hibernate. */
    static final String HIBERNATE_PROPERTIES_CUSTOMIZER =
            "org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer";

    private BootLine() {
    }
}
