package dev.hibernateae.samples.clinic;

import dev.hibernateae.testing.TestDatabase;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The clinic with {@code --database=postgresql}, in a schema of its own (dropped afterwards). Skipped outside CI when
 * PostgreSQL is down; in CI it must run.
 */
class ClinicOnPostgresqlTest extends ClinicScenarios {
    static TestDatabase.Instance database;

    @BeforeAll
    static void startOnPostgresql() throws IOException {
        database = TestDatabase.POSTGRESQL.create();
        start("--database=postgresql", "--spring.datasource.url=" + database.url());
    }

    @AfterAll
    static void dropSchema() throws IOException {
        stop();
        if (database != null) {
            database.close();
        }
    }
}
