package dev.hibernateae.spring;

/**
 * The Spring Boot line this artifact is built for, Spring Boot 3 (3.5), and the names of Boot's classes that differ
 * from Spring Boot 4's (spring-boot-autoconfigure holds the Hibernate support).
 */
final class BootLine {
    /** This artifact's Spring Boot line, for messages. */
    static final String NAME = "Spring Boot 3.5";
    /** Whether this artifact is built for Spring Boot 3. */
    static final boolean BOOT_3 = true;
    /** This artifact, for messages. */
    static final String ARTIFACT = "hibernate-ae-spring-boot3";
    /** What to depend on in an application that runs the other Spring Boot line. */
    static final String OTHER_LINE_ARTIFACTS = "hibernate-ae-spring-boot and hibernate-ae-core (Spring Boot 4 runs "
            + "Hibernate ORM 7)";
    /** The JPA auto-configuration hibernate-ae's runs before. */
    static final String HIBERNATE_JPA_AUTO_CONFIGURATION =
            "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration";
    /** The interface through which the settings reach Hibernate. */
    static final String HIBERNATE_PROPERTIES_CUSTOMIZER =
            "org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer";

    private BootLine() {
    }
}
