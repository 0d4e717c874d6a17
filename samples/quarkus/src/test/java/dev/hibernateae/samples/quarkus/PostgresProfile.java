package dev.hibernateae.samples.quarkus;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The application on PostgreSQL instead of H2, in a schema of its own ({@link FreshPostgresSchema}). */
public final class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.username", PostgresServer.USER);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FreshPostgresSchema.class));
    }
}
