package dev.hibernateae.internal.orm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.util.List;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;

/**
 * Each artifact built from the core's sources accepts exactly its Hibernate release lines (hibernate-ae-core 7.2 to
 * 7.4, hibernate-ae-core-hibernate6 6.6), the one on the class path among them; on a line the other artifact
 * supports, the refusal names that artifact.
 */
class SupportedHibernateTest {

    @Test
    void theArtifactOnTheClassPathSupportsTheHibernateOnTheClassPath() {
        assertDoesNotThrow(() -> SupportedHibernate.require());
        assertTrue(SupportedHibernate.supports(Version.getVersionString()));
        assertEquals(SupportedHibernate.LINES_BY_ARTIFACT.get(HibernateLine.ARTIFACT), SupportedHibernate.LINES);
    }

    @Test
    void theCoreSupportsExactly7Point2To7Point4() {
        assertEquals(List.of("7.2", "7.3", "7.4"), SupportedHibernate.LINES_BY_ARTIFACT.get("hibernate-ae-core"));
        for (String supported : List.of("7.2.0.Final", "7.2.25.Final", "7.3.0.Final", "7.3.13.Final", "7.4.0.Final",
                "7.4.13-SNAPSHOT", "7.4.16.Final")) {
            assertTrue(SupportedHibernate.supports(supported, "hibernate-ae-core"), supported);
        }
        for (String other : List.of("7.1.35.Final", "7.0.10.Final", "7.5.0.Final", "6.6.4.Final", "8.0.0.Alpha1",
                "17.3.0.Final", "7.30.0.Final", "7", "", "seven")) {
            assertFalse(SupportedHibernate.supports(other, "hibernate-ae-core"), other);
        }
        assertFalse(SupportedHibernate.supports(null, "hibernate-ae-core"));
    }

    @Test
    void theHibernate6ArtifactSupportsExactly6Point6() {
        assertEquals(List.of("6.6"), SupportedHibernate.LINES_BY_ARTIFACT.get("hibernate-ae-core-hibernate6"));
        for (String supported : List.of("6.6.0.Final", "6.6.4.Final", "6.6.56.Final", "6.6.57-SNAPSHOT")) {
            assertTrue(SupportedHibernate.supports(supported, "hibernate-ae-core-hibernate6"), supported);
        }
        for (String other : List.of("6.5.3.Final", "6.4.10.Final", "7.0.10.Final", "7.4.13.Final", "6.60.0.Final",
                "6", "")) {
            assertFalse(SupportedHibernate.supports(other, "hibernate-ae-core-hibernate6"), other);
        }
    }

    @Test
    void hibernate6WithTheCoreNamesTheHibernate6Artifact() {
        AlwaysEncryptedException e = assertThrows(AlwaysEncryptedException.class,
                () -> SupportedHibernate.require("6.6.56.Final", "hibernate-ae-core"));
        assertEquals("hibernate-ae-core supports Hibernate ORM 7.2.x, 7.3.x or 7.4.x, but the class path has "
                + "Hibernate ORM 6.6.56.Final. For Hibernate ORM 6.6.x depend on "
                + "dev.hibernateae:hibernate-ae-core-hibernate6 instead of dev.hibernateae:hibernate-ae-core (the two "
                + "are alternatives: keep only one on the class path)", e.getMessage());
    }

    @Test
    void hibernate7WithTheHibernate6ArtifactNamesTheCore() {
        AlwaysEncryptedException e = assertThrows(AlwaysEncryptedException.class,
                () -> SupportedHibernate.require("7.4.13.Final", "hibernate-ae-core-hibernate6"));
        assertEquals("hibernate-ae-core-hibernate6 supports Hibernate ORM 6.6.x, but the class path has Hibernate "
                + "ORM 7.4.13.Final. For Hibernate ORM 7.2.x, 7.3.x or 7.4.x depend on dev.hibernateae:hibernate-ae-core "
                + "instead of dev.hibernateae:hibernate-ae-core-hibernate6 (the two are alternatives: keep only one on "
                + "the class path)", e.getMessage());
    }

    @Test
    void aLineNeitherSupportsIsRefusedAsBefore() {
        AlwaysEncryptedException e = assertThrows(AlwaysEncryptedException.class,
                () -> SupportedHibernate.require("7.1.35.Final", "hibernate-ae-core"));
        assertEquals("hibernate-ae supports Hibernate ORM 7.2.x, 7.3.x or 7.4.x, but the class path has Hibernate "
                + "ORM 7.1.35.Final. Depend on a Hibernate ORM 7.2.x, 7.3.x or 7.4.x release (check which version "
                + "your framework's dependency management chooses), or use a hibernate-ae release that supports your "
                + "Hibernate version", e.getMessage());
        AlwaysEncryptedException six = assertThrows(AlwaysEncryptedException.class,
                () -> SupportedHibernate.require("6.5.3.Final", "hibernate-ae-core-hibernate6"));
        assertEquals("hibernate-ae supports Hibernate ORM 6.6.x, but the class path has Hibernate ORM 6.5.3.Final. "
                + "Depend on a Hibernate ORM 6.6.x release (check which version your framework's dependency "
                + "management chooses), or use a hibernate-ae release that supports your Hibernate version",
                six.getMessage());
    }
}
