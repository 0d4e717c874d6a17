package dev.hibernateae.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way through the core's internal packages: crypto and codecs at the bottom, then keys, then the
 * Hibernate binding (attribute, converter, formats), then the query guard and search tokens (on the binding and the
 * keys), which may use the binding but never the reverse, then the key lifecycle (whose jobs derive search tokens)
 * and the query stage (which uses the guard and the search tokens), neither using the other; the wiring
 * ({@code internal.boot}) alone sees every layer. Hibernate's internal packages are reached from {@code internal.orm} only.
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
                        INTERNAL + "lifecycle..", INTERNAL + "guard..", INTERNAL + "query..", INTERNAL + "boot..",
                        INTERNAL + "orm..", "dev.hibernateae.admin..", "dev.hibernateae.lifecycle..")
                .check(core);
    }

    @Test
    void keysKnowNothingOfHibernateOrTheLifecycle() {
        noClasses().that().resideInAPackage(INTERNAL + "keys..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "hibernate..", INTERNAL + "lifecycle..",
                        INTERNAL + "guard..", INTERNAL + "query..", INTERNAL + "boot..")
                .check(core);
    }

    @Test
    void theHibernateBindingNeverReachesForTheLifecycleTheGuardOrTheQueryStage() {
        noClasses().that().resideInAPackage(INTERNAL + "hibernate..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "lifecycle..", INTERNAL + "guard..",
                        INTERNAL + "query..", INTERNAL + "boot..", INTERNAL + "search..", "dev.hibernateae.lifecycle..",
                        "dev.hibernateae.admin..")
                .check(core);
    }

    @Test
    void searchTokensSitBetweenTheBindingAndTheQueryStage() {
        noClasses().that().resideInAPackage(INTERNAL + "search..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "guard..", INTERNAL + "query..",
                        INTERNAL + "lifecycle..", INTERNAL + "boot..", "dev.hibernateae.lifecycle..",
                        "dev.hibernateae.admin..")
                .check(core);
        noClasses().that().resideInAnyPackage(INTERNAL + "guard..", INTERNAL + "keys..", INTERNAL + "crypto..",
                        INTERNAL + "codec..")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL + "search..")
                .check(core);
    }

    @Test
    void theGuardTheLifecycleAndTheQueryStageDependOnlyDownwards() {
        noClasses().that().resideInAPackage(INTERNAL + "guard..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "lifecycle..", INTERNAL + "query..",
                        INTERNAL + "boot..")
                .check(core);
        noClasses().that().resideInAPackage(INTERNAL + "lifecycle..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "guard..", INTERNAL + "query..",
                        INTERNAL + "boot..")
                .check(core);
        noClasses().that().resideInAPackage(INTERNAL + "query..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "lifecycle..", INTERNAL + "boot..")
                .check(core);
    }

    @Test
    void rangeSearchArithmeticUsesTheJdkAlone() {
        // pure arithmetic the query side and the token side both build on: no Hibernate, no keys, no other layer
        classes().that()
                .resideInAPackage(INTERNAL + "search.range..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", INTERNAL + "search.range..")
                .check(core);
    }

    @Test
    void hibernateInternalsAreTouchedInOnePlace() {
        noClasses().that().resideOutsideOfPackage(INTERNAL + "orm..")
                .should().dependOnClassesThat(resideInAnyPackage("org.hibernate..internal..", "org.hibernate.grammars..")
                        // named by the SPI signatures hibernate-ae implements (SqmTranslatorFactory, the multi-table
                        // mutation strategies)
                        .and(not(type(DomainParameterXref.class)))
                        .and(not(type(MappingModelCreationProcess.class))))
                .check(core);
        noClasses().that().resideInAPackage(INTERNAL + "orm..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "crypto..", INTERNAL + "codec..",
                        INTERNAL + "config..", INTERNAL + "keys..", INTERNAL + "hibernate..", INTERNAL + "guard..",
                        INTERNAL + "lifecycle..", INTERNAL + "query..", INTERNAL + "boot..", "dev.hibernateae.admin..",
                        "dev.hibernateae.lifecycle..")
                .check(core);
    }
}
