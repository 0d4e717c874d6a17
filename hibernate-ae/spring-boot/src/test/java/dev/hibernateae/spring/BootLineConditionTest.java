package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.util.ClassUtils;

/**
 * This artifact on the other Spring Boot line stops startup naming the artifacts to use, instead of leaving
 * hibernate-ae unconfigured; on its own line it turns on with Spring Boot's Hibernate support.
 */
class BootLineConditionTest {

    @Test
    void theOtherSpringBootLineStopsStartupNamingTheArtifactsToUse() {
        Set<String> otherLine = BootLine.BOOT_3 ? Set.of() : Set.of(BootLineCondition.BOOT_3_MARKER);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BootLineCondition.outcome(otherLine::contains, "9.9.9"));
        assertTrue(e.getMessage().startsWith(BootLine.ARTIFACT + " is built for " + BootLine.NAME
                + ", but this application runs Spring Boot 9.9.9: depend on "), e.getMessage());
        assertTrue(e.getMessage().contains(BootLine.BOOT_3 ? "hibernate-ae-spring-boot and hibernate-ae-core "
                : "hibernate-ae-spring-boot3 and hibernate-ae-core-hibernate6"), e.getMessage());
    }

    @Test
    void thisLineWithItsHibernateSupportMatches() {
        ConditionOutcome outcome = BootLineCondition.outcome(
                name -> name.equals(BootLine.HIBERNATE_PROPERTIES_CUSTOMIZER)
                        || BootLine.BOOT_3 && name.equals(BootLineCondition.BOOT_3_MARKER),
                SpringBootVersion.getVersion());
        assertTrue(outcome.isMatch(), outcome.getMessage());
    }

    @Test
    void thisLineWithoutItsHibernateSupportDoesNotMatch() {
        ConditionOutcome outcome = BootLineCondition.outcome(
                name -> BootLine.BOOT_3 && name.equals(BootLineCondition.BOOT_3_MARKER), null);
        assertFalse(outcome.isMatch());
        assertEquals(BootLine.HIBERNATE_PROPERTIES_CUSTOMIZER + " (Spring Boot's Hibernate support) is not on the "
                + "class path", outcome.getMessage());
    }

    @Test
    void theRunningSpringBootIsThisArtifactsLine() {
        assertTrue(BootLineCondition.outcome(BootLineConditionTest::isPresent,
                SpringBootVersion.getVersion()).isMatch());
    }

    private static boolean isPresent(String className) {
        return ClassUtils.isPresent(className, BootLineConditionTest.class.getClassLoader());
    }
}
