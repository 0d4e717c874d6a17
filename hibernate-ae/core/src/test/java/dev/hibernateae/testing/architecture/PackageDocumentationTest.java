package dev.hibernateae.testing.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package documentation rule finds what it must: missing files, missing or wrong stability statements. */
class PackageDocumentationTest {

    @Test
    void reportsEachPackageThatLacksItsStatement(@TempDir Path sources) throws IOException {
        write(sources, "a/api/Thing.java", "package a.api; class Thing {}");
        write(sources, "a/api/package-info.java", "/**\n * Things.\n *\n * <p>Stable API: compatible changes only "
                + "within a major\n * version.\n */\npackage a.api;");
        write(sources, "a/internal/x/Hidden.java", "package a.internal.x; class Hidden {}");
        write(sources, "a/internal/x/package-info.java", "/**\n * Hidden. <p>Stable API: compatible changes only "
                + "within a major version.\n */\npackage a.internal.x;");
        write(sources, "a/internal/y/Fine.java", "package a.internal.y; class Fine {}");
        write(sources, "a/internal/y/package-info.java", "/** Fine. <p>" + PackageDocumentation.INTERNAL
                + " */\npackage a.internal.y;");
        write(sources, "a/bare/Bare.java", "package a.bare; class Bare {}");
        write(sources, "a/vague/Vague.java", "package a.vague; class Vague {}");
        write(sources, "a/vague/package-info.java", "/** Vague things. */\npackage a.vague;");
        write(sources, "a/empty/Notes.txt", "no Java here");

        List<String> problems = PackageDocumentation.problems(sources);

        assertEquals(3, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).startsWith("a.bare: no package-info.java"), problems.toString());
        assertEquals(true, problems.get(1).startsWith("a.internal.x: an internal package"), problems.toString());
        assertEquals(true, problems.get(2).startsWith("a.vague: no stability statement"), problems.toString());
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
