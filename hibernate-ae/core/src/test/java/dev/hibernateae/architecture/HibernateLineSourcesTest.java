package dev.hibernateae.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sources that differ between Hibernate lines (src/hibernate7 for hibernate-ae-core, src/hibernate6 for
 * hibernate-ae-core-hibernate6) are the same files on both lines, each a class the shared sources use under one name,
 * in packages the shared sources declare and document (their package-info stays in src/main/java, checked by
 * {@link PackageInfoTest}).
 */
class HibernateLineSourcesTest {
    private static final Path SRC = Path.of("src");

    @Test
    void bothLinesHaveTheSameMainFiles() throws IOException {
        List<String> seven = javaFiles(SRC.resolve("hibernate7/java"));
        assertFalse(seven.isEmpty());
        assertEquals(seven, javaFiles(SRC.resolve("hibernate6/java")));
    }

    @Test
    void bothLinesHaveTheSameTestFiles() throws IOException {
        assertEquals(javaFiles(SRC.resolve("test/hibernate7/java")), javaFiles(SRC.resolve("test/hibernate6/java")));
    }

    @Test
    void lineSourcesLiveInPackagesTheSharedSourcesDocument() throws IOException {
        for (String line : List.of("hibernate7/java", "hibernate6/java")) {
            for (String file : javaFiles(SRC.resolve(line))) {
                assertFalse(file.endsWith("package-info.java") || file.endsWith("module-info.java"), line + file);
                Path packageInfo = SRC.resolve("main/java").resolve(file).getParent().resolve("package-info.java");
                assertEquals(true, Files.isRegularFile(packageInfo), line + "/" + file + ": its package has no "
                        + "package-info.java in src/main/java");
            }
        }
    }

    private static List<String> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '/')).sorted()
                    .toList();
        }
    }
}
