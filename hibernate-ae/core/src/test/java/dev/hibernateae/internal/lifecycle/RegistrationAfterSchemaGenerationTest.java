package dev.hibernateae.internal.lifecycle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.internal.hibernate.model.Patient;
import dev.hibernateae.testing.LogCapture;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.logging.Level;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * An application whose schema generation creates the lifecycle tables registers its encrypted columns as it starts,
 * once the tables exist, instead of failing first (with a warning) and registering at a later poll: Hibernate runs
 * integrators before schema generation, so registration waits for the session factory to be created.
 */
class RegistrationAfterSchemaGenerationTest {

    @Test
    void columnsAreRegisteredAtStartupWithoutAWarningWhenSchemaGenerationCreatesTheTables() throws Exception {
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                LogCapture log = LogCapture.of(Level.WARNING);
                SessionFactory ignored = TestSessionFactories.build(db, StaticKeyRing.withRandomKeys("cek1", "cek2"),
                        Patient.class)) {
            assertTrue(log.messages().stream().noneMatch(m -> m.contains("Could not register")), log.messages()
                    .toString());
            try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from " + LifecycleTables.ENCRYPTED_COLUMNS)) {
                rows.next();
                assertTrue(rows.getInt(1) > 0, "the encrypted columns are registered as the application starts");
            }
        }
    }
}
