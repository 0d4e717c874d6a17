package dev.hibernateae.samples.plainjpa;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The databases the sample runs on, chosen with {@code -Ddatabase=h2|postgresql|mariadb} (default h2). */
public enum Database {
    H2("jdbc:h2:mem:clinic;DB_CLOSE_DELAY=-1", "sa", "create-drop"),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "update"),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root", "update");

    private final String url;
    private final String user;
    private final String schemaAction;

    Database(String url, String user, String schemaAction) {
        this.url = url;
        this.user = user;
        this.schemaAction = schemaAction;
    }

    /** The database named by the system property {@code database}. */
    public static Database fromSystemProperty() {
        String name = System.getProperty("database", "h2").trim();
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown database '" + name + "': use one of "
                    + Arrays.stream(values()).map(d -> d.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")));
        }
    }

    public String url() {
        return url;
    }

    /**
     * The persistence unit properties that point at this database (a server database keeps its tables between
     * runs; H2 in memory starts empty).
     */
    public Map<String, Object> properties() {
        return properties(url);
    }

    /** The same, with another URL (tests use a schema of their own). */
    public Map<String, Object> properties(String jdbcUrl) {
        return Map.of("jakarta.persistence.jdbc.url", jdbcUrl, "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", "", "hibernate.hbm2ddl.auto", schemaAction);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
