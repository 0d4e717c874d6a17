package dev.hibernateae.quarkus.deployment.architecture;

import dev.hibernateae.testing.architecture.PackageDocumentation;
import dev.hibernateae.testing.architecture.PublicSurface;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** This module's main code uses none of the core's internals, and documents each of its packages. */
class PublicSurfaceTest {

    @Test
    void mainCodeDependsOnNoCoreInternals() {
        PublicSurface.noDependencyOnCoreInternals()
                .check(PublicSurface.mainClasses("dev.hibernateae.quarkus.deployment"));
    }

    @Test
    void everyMainPackageStatesWhatItIsAndItsStability() {
        Assertions.assertEquals(List.of(), PackageDocumentation.problems(Path.of("src", "main", "java")));
    }
}
