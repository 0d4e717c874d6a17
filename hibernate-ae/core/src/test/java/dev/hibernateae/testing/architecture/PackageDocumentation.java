package dev.hibernateae.testing.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every package of a module's main code says, in its {@code package-info.java}, what it is and how stable it is:
 * a package under {@code .internal} carries {@link #INTERNAL}; any other carries {@link #STABLE}, an
 * {@link #INCUBATING} statement, or {@link #INTERNAL} (a tool's own classes). The statement is matched in the comment's
 * text with line breaks and {@code *} margins taken out.
 */
public final class PackageDocumentation {
    public static final String INTERNAL = "Internal: not part of the public API; may change in any release without "
            + "notice. Do not use from applications.";
    public static final String STABLE = "Stable API: compatible changes only within a major version.";
    public static final String INCUBATING = "Incubating:";

    private PackageDocumentation() {
    }

    /**
     * @param mainSources a module's {@code src/main/java}
     * @return one line per package without a {@code package-info.java} or without the statement it needs; empty when
     *         every package is documented
     */
    public static List<String> problems(Path mainSources) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> directories = Files.walk(mainSources)) {
            for (Path directory : directories.filter(Files::isDirectory).sorted().toList()) {
                if (holdsJavaTypes(directory)) {
                    check(mainSources.relativize(directory).toString().replace(java.io.File.separatorChar, '.'),
                            directory.resolve("package-info.java"), problems);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static void check(String packageName, Path packageInfo, List<String> problems) throws IOException {
        if (!Files.isRegularFile(packageInfo)) {
            problems.add(packageName + ": no package-info.java");
            return;
        }
        String text = commentText(Files.readString(packageInfo));
        boolean internal = ("." + packageName + ".").contains(".internal.");
        if (internal && !text.contains(INTERNAL)) {
            problems.add(packageName + ": an internal package without \"" + INTERNAL + "\"");
        } else if (!internal && !text.contains(STABLE) && !text.contains(INCUBATING) && !text.contains(INTERNAL)) {
            problems.add(packageName + ": no stability statement (\"" + STABLE + "\", \"" + INCUBATING
                    + " ...\" or \"" + INTERNAL + "\")");
        }
    }

    private static boolean holdsJavaTypes(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString())
                    .anyMatch(name -> name.endsWith(".java") && !name.equals("package-info.java")
                            && !name.equals("module-info.java"));
        }
    }

    /** The file's text as one line: {@code *} margins, comment markers and line breaks taken out. */
    static String commentText(String source) {
        return source.replaceAll("(?m)^\\s*/?\\*+/?", " ").replaceAll("\\s+", " ");
    }
}
