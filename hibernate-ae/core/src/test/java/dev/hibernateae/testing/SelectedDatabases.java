package dev.hibernateae.testing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Which databases the tests may use: the system property {@value #PROPERTY}, a comma-separated list of names
 * ({@code H2}, {@code POSTGRESQL}, {@code MARIADB}, any case); unset or blank means all of them. The suite runs on
 * other Hibernate release lines with {@code H2} only (the {@code hibernate-lines} modules): a test on a database left
 * out is skipped with a message, also in CI.
 */
public final class SelectedDatabases {
    public static final String PROPERTY = "ae.test.databases";

    private SelectedDatabases() {
    }

    /** Skips the calling test unless the database with this name is selected. */
    public static void require(String database) {
        String setting = System.getProperty(PROPERTY);
        Assumptions.assumeTrue(selects(setting, database),
                () -> database + " is not among the databases selected by " + PROPERTY + "=" + setting);
    }

    static boolean selects(String setting, String database) {
        if (setting == null || setting.isBlank()) {
            return true;
        }
        Set<String> names = Arrays.stream(setting.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return names.contains(database.toUpperCase(Locale.ROOT));
    }
}
