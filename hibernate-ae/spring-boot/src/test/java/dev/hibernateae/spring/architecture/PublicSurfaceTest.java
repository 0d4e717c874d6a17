package dev.hibernateae.spring.architecture;

import dev.hibernateae.testing.architecture.PackageDocumentation;
import dev.hibernateae.testing.architecture.PublicSurface;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** This module's main code uses the core through its public packages only, and documents each of its packages. */
class PublicSurfaceTest {

    @Test
    void mainCodeDependsOnNoCoreInternals() {
        PublicSurface.noDependencyOnCoreInternalsNotExportedTo("dev.hibernateae.spring")
                .check(PublicSurface.mainClasses("dev.hibernateae.spring"));
    }

    @Test
    void everyMainPackageStatesWhatItIsAndItsStability() {
        Assertions.assertEquals(List.of(), PackageDocumentation.problems(Path.of("src", "main", "java")));
    }
}
