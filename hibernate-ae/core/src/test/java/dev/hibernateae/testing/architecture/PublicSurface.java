package dev.hibernateae.testing.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.hibernateae.api.EncryptionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The rule the optional modules (Azure Key Vault, Spring Boot, the command-line tool) live by: they use the core
 * through the packages its module descriptor exports to them, as any application must (on the module path the core
 * exports nothing else). For all but the command-line tool that is the public packages; the tool also gets the two
 * internal packages the core exports to it alone. Their tests may look inside; their main code may not.
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

    /**
     * No class may depend on a core internal package, except those the core's module descriptor exports to
     * {@code moduleName} by a qualified export.
     */
    public static ArchRule noDependencyOnCoreInternalsNotExportedTo(String moduleName) {
        String[] exportedToIt = packagesExportedTo(moduleName).toArray(String[]::new);
        return noClasses().should().dependOnClassesThat(resideInAPackage(CORE_INTERNALS)
                        .and(not(resideInAnyPackage(exportedToIt))))
                .because("module " + moduleName + " uses the core's public packages and only those internal ones "
                        + "the core's module-info exports to it");
    }

    /** The packages the core's module descriptor exports to {@code moduleName} alone (qualified exports). */
    public static List<String> packagesExportedTo(String moduleName) {
        return coreDescriptor().exports().stream()
                .filter(export -> export.isQualified() && export.targets().contains(moduleName))
                .map(ModuleDescriptor.Exports::source).sorted().toList();
    }

    /** The core's compiled module-info, from its classes directory or its jar, whichever the class path holds. */
    static ModuleDescriptor coreDescriptor() {
        try {
            Path location = Path.of(EncryptionSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
                    return ModuleDescriptor.read(in);
                }
            }
            try (JarFile jar = new JarFile(location.toFile()); InputStream in = jar.getInputStream(
                    jar.getJarEntry("module-info.class"))) {
                return ModuleDescriptor.read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
