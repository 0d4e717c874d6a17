package dev.hibernateae.cli.architecture;

import dev.hibernateae.testing.architecture.PackageDocumentation;
import dev.hibernateae.testing.architecture.PublicSurface;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * This module's main code uses the core through its public packages and the two internal ones the core's module
 * descriptor exports to this tool alone (settings parsing, encryptable types), and documents each of its packages.
 */
class PublicSurfaceTest {

    @Test
    void mainCodeDependsOnNoCoreInternalsButThoseExportedToIt() {
        PublicSurface.noDependencyOnCoreInternalsNotExportedTo("dev.hibernateae.cli")
                .check(PublicSurface.mainClasses("dev.hibernateae.cli"));
    }

    @Test
    void everyMainPackageStatesWhatItIsAndItsStability() {
        Assertions.assertEquals(List.of(), PackageDocumentation.problems(Path.of("src", "main", "java")));
    }
}
