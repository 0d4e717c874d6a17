package dev.hibernateae.samples.plainjpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plain JPA sample on H2 and PostgreSQL (a schema of its own; skipped outside CI when PostgreSQL is down): the
 * demo runs twice on one database, the second time reusing the keys and patients of the first.
 */
class PlainJpaDemoTest {

    @TempDir
    Path keys;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL"})
    void theDemoRunsAndRunsAgainOnTheSameDatabase(TestDatabase testDatabase) {
        Database database = Database.valueOf(testDatabase.name());
        try (TestDatabase.Instance instance = testDatabase.create()) {
            Map<String, Object> properties = new HashMap<>(database.properties(instance.url()));
            properties.put(EncryptionSettings.KEYSTORE_LOCATION, keys.resolve("cmk.p12").toString());

            String first;
            String second;
            try (EntityManagerFactory factory = Persistence.createEntityManagerFactory("clinic", properties)) {
                first = runDemo(factory);
                second = runDemo(factory);

                Demo demo = new Demo(factory, new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));
                Patient grace = demo.findBySsn("555-12-3456");
                assertEquals(LocalDate.of(1906, 12, 9), grace.getBirthDate());
                for (Object[] row : demo.storedRows().values()) {
                    byte[] ssn = (byte[]) row[1];
                    assertEquals(81, ssn.length);
                    assertFalse(new String(ssn, StandardCharsets.UTF_16LE).contains("-"), "no SSN in clear");
                }
                assertEquals("Patient.ssn", demo.refusedLike().attribute());
            }

            assertTrue(first.contains("(created now with keytool)"), first);
            assertTrue(first.contains("1. Stored 3 patients with EntityManager.persist (the database now has 3)."),
                    first);
            assertTrue(first.contains("     ssn         795-73-9838  stored as 0x01"), first);
            assertTrue(first.contains("   -> patient "), first);
            assertTrue(first.contains("Query cannot run on encrypted data: Patient.ssn (DETERMINISTIC, key "
                    + "'plain-jpa-cek') is used"), first);
            assertTrue(first.contains("Done:"), first);

            assertTrue(second.contains("keystore " + keys.resolve("cmk.p12") + " (from an earlier run)"), second);
            assertTrue(second.contains("wrapped by it in the key tables (from an earlier run)"), second);
            assertTrue(second.contains("1. Stored 0 patients with EntityManager.persist (the database now has 3)."),
                    second);
        }
    }

    private static String runDemo(EntityManagerFactory factory) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new Demo(factory, new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
