package dev.hibernateae.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.testing.architecture.PackageDocumentation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every package of the core's main code has a package-info that says what it is and how stable it is. */
class PackageInfoTest {

    @Test
    void everyMainPackageStatesWhatItIsAndItsStability() {
        assertEquals(List.of(), PackageDocumentation.problems(Path.of("src", "main", "java")));
    }
}
