package dev.hibernateae.testing.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rule the optional modules check themselves with does catch a dependency on the core's internals. */
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
}
