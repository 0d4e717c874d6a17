package dev.hibernateae.testing.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules the optional modules check themselves with do catch a dependency on the core's internals. */
class PublicSurfaceRuleTest {

    @Test
    void theCoresOwnApiDependsOnItsInternalsSoTheRuleRejectsIt() {
        AssertionError violation = assertThrows(AssertionError.class, () -> PublicSurface
                .noDependencyOnCoreInternals().check(PublicSurface.mainClasses("dev.hibernateae.api")));
        assertTrue(violation.getMessage().contains("dev.hibernateae.internal."), violation.getMessage());
    }

    @Test
    void aPackageThatUsesNoInternalsPasses() {
        PublicSurface.noDependencyOnCoreInternals().check(PublicSurface.mainClasses("dev.hibernateae.spi"));
    }

    @Test
    void theCommandLineToolIsGivenExactlyTheTwoPackagesTheDescriptorExportsToIt() {
        assertEquals(List.of("dev.hibernateae.internal.codec", "dev.hibernateae.internal.config"),
                PublicSurface.packagesExportedTo("dev.hibernateae.cli"));
        assertEquals(List.of(), PublicSurface.packagesExportedTo("dev.hibernateae.spring"));
    }

    @Test
    void aQualifiedExportAllowsOnlyItsOwnPackages() {
        // The api package uses internal.hibernate and internal.keys, which the descriptor exports to no tool.
        AssertionError violation = assertThrows(AssertionError.class, () -> PublicSurface
                .noDependencyOnCoreInternalsNotExportedTo("dev.hibernateae.cli")
                .check(PublicSurface.mainClasses("dev.hibernateae.api")));
        assertTrue(violation.getMessage().contains("dev.hibernateae.internal."), violation.getMessage());
    }
}
