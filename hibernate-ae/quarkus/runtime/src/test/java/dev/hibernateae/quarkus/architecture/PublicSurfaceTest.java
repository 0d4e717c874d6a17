package dev.hibernateae.quarkus.architecture;

import dev.hibernateae.testing.architecture.PackageDocumentation;
import dev.hibernateae.testing.architecture.PublicSurface;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * This module's main code uses the core through its public packages and the one internal package the core exports to
 * it ({@code internal.boot}), and documents each of its packages.
 */
class PublicSurfaceTest {

    @Test
    void mainCodeDependsOnNoCoreInternalsButThoseExportedToIt() {
        Assertions.assertEquals(List.of("dev.hibernateae.internal.boot"),
                PublicSurface.packagesExportedTo("dev.hibernateae.quarkus"));
        PublicSurface.noDependencyOnCoreInternalsNotExportedTo("dev.hibernateae.quarkus")
                .check(PublicSurface.mainClasses("dev.hibernateae.quarkus"));
    }

    @Test
    void everyMainPackageStatesWhatItIsAndItsStability() {
        Assertions.assertEquals(List.of(), PackageDocumentation.problems(Path.of("src", "main", "java")));
    }
}
