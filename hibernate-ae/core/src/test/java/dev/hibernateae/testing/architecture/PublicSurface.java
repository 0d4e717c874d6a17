package dev.hibernateae.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rule the optional modules (Azure Key Vault, Spring Boot, the command-line tool) live by: they use the core
 * through its public packages only, as any application must (on the module path the core exports nothing else).
 * Their tests may look inside; their main code may not.
 */
public final class PublicSurface {
    /** The core's internal packages. */
    public static final String CORE_INTERNALS = "dev.hibernateae.internal..";

    private PublicSurface() {
    }

    /** The main classes (not tests) in {@code rootPackage} and below. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** No class may depend on the core's internal packages. */
    public static ArchRule noDependencyOnCoreInternals() {
        return noClasses().should().dependOnClassesThat().resideInAPackage(CORE_INTERNALS)
                .because("modules other than the core use its public packages (api, spi, admin, lifecycle, keystore) "
                        + "only, as applications must");
    }
}
