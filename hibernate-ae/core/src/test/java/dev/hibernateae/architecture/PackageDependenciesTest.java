package dev.hibernateae.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way through the core's internal packages: crypto and codecs at the bottom, then keys, then the
 * Hibernate binding (attribute, converter, formats), then the query guard and the key lifecycle, which may use the
 * binding but never the reverse; the wiring ({@code internal.boot}) alone sees every layer.
 */
class PackageDependenciesTest {
    private static final String INTERNAL = "dev.hibernateae.internal.";
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hibernateae");
    }

    @Test
    void cryptoAndCodecsDependOnNothingAbove() {
        noClasses().that().resideInAnyPackage(INTERNAL + "crypto..", INTERNAL + "codec..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "keys..", INTERNAL + "hibernate..",
                        INTERNAL + "lifecycle..", INTERNAL + "guard..", INTERNAL + "boot..", "dev.hibernateae.admin..",
                        "dev.hibernateae.lifecycle..")
                .check(core);
    }

    @Test
    void keysKnowNothingOfHibernateOrTheLifecycle() {
        noClasses().that().resideInAPackage(INTERNAL + "keys..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "hibernate..", INTERNAL + "lifecycle..",
                        INTERNAL + "guard..", INTERNAL + "boot..")
                .check(core);
    }

    @Test
    void theHibernateBindingNeverReachesForTheLifecycleOrTheGuard() {
        noClasses().that().resideInAPackage(INTERNAL + "hibernate..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "lifecycle..", INTERNAL + "guard..",
                        INTERNAL + "boot..", "dev.hibernateae.lifecycle..", "dev.hibernateae.admin..")
                .check(core);
    }

    @Test
    void theGuardAndTheLifecycleDoNotDependOnEachOtherOrOnTheWiring() {
        noClasses().that().resideInAPackage(INTERNAL + "guard..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "lifecycle..", INTERNAL + "boot..")
                .check(core);
        noClasses().that().resideInAPackage(INTERNAL + "lifecycle..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "guard..", INTERNAL + "boot..")
                .check(core);
    }
}
