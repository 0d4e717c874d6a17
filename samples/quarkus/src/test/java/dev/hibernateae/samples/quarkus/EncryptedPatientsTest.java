package dev.hibernateae.samples.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.KeyRingStates;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The extension on H2: encrypted attributes round-trip, the database holds ciphertext, equality queries on a
 * DETERMINISTIC attribute find their rows, and the query stage refuses what cannot run on ciphertext.
 */
@QuarkusTest
class EncryptedPatientsTest {
    /** The first byte of every cell: the version of the AEAD_AES_256_CBC_HMAC_SHA256 cell format. */
    private static final byte CELL_FORMAT_VERSION = 0x01;

    @Inject
    Patients patients;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManagerFactory emf;

    @Test
    void quarkusHibernateAePropertiesReachThePersistenceUnit() {
        // %test.quarkus.hibernate-ae.key-cache-ttl=30m in application.properties; the core's default is 2 hours.
        assertEquals(Duration.ofMinutes(30), KeyRingStates.of(emf).orElseThrow().timeToLive());
    }

    @Test
    void aPatientRoundTrips() {
        Patient stored = patients.register(new Patient(uniqueSsn(), LocalDate.of(1980, 2, 29), "Doe"));

        Patient loaded = patients.byId(stored.getId());

        assertEquals(stored.getSsn(), loaded.getSsn());
        assertEquals(LocalDate.of(1980, 2, 29), loaded.getBirthDate());
        assertEquals("Doe", loaded.getLastName());
    }

    @Test
    void theDatabaseHoldsCiphertext() throws SQLException {
        String ssn = uniqueSsn();
        Patient stored = patients.register(new Patient(ssn, LocalDate.of(1975, 6, 1), "Roe"));

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select ssn, birth_date, last_name from patient where id = ?")) {
            select.setLong(1, stored.getId());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                byte[] ssnCell = row.getBytes("ssn");
                byte[] birthDateCell = row.getBytes("birth_date");
                assertEquals(CELL_FORMAT_VERSION, ssnCell[0]);
                assertEquals(CELL_FORMAT_VERSION, birthDateCell[0]);
                assertFalse(contains(ssnCell, ssn.getBytes(StandardCharsets.UTF_16LE)), "SSN stored as plaintext");
                assertFalse(contains(ssnCell, ssn.getBytes(StandardCharsets.UTF_8)), "SSN stored as plaintext");
                // Version byte, MAC, IV, and the 22 bytes of an 11-character UTF-16LE SSN padded to two blocks.
                assertEquals(1 + 32 + 16 + 32, ssnCell.length);
                assertEquals("Roe", row.getString("last_name"));
            }
        }
    }

    @Test
    void anEqualityQueryOnADeterministicAttributeFindsItsRow() {
        String ssn = uniqueSsn();
        Patient wanted = patients.register(new Patient(ssn, LocalDate.of(1990, 1, 1), "Wanted"));
        patients.register(new Patient(uniqueSsn(), LocalDate.of(1990, 1, 1), "Other"));

        List<Patient> found = patients.bySsn(ssn);

        assertEquals(1, found.size());
        assertEquals(wanted.getId(), found.get(0).getId());
        assertEquals("Wanted", found.get(0).getLastName());
    }

    @Test
    void aRangeSearchOnTheBirthDateFindsItsRows() {
        Patient early = patients.register(new Patient("111-11-1111", LocalDate.of(1931, 3, 3), "Early"));
        Patient late = patients.register(new Patient("222-22-2222", LocalDate.of(1999, 9, 9), "Late"));
        List<Long> found = patients.bornBetween(LocalDate.of(1931, 3, 3), LocalDate.of(1931, 12, 31)).stream()
                .map(Patient::getId).toList();
        assertTrue(found.contains(early.getId()) && !found.contains(late.getId()), found.toString());
    }

    @Test
    void aComparisonOnARandomizedAttributeIsRefused() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> em
                .createQuery("select p from Patient p where p.birthDate = :birthDate", Patient.class));

        UnsupportedEncryptedQueryException guard = causeOf(refused, UnsupportedEncryptedQueryException.class);
        assertTrue(guard.getMessage().contains("Patient.birthDate"), guard.getMessage());
        assertTrue(guard.getMessage().contains("RANDOMIZED"), guard.getMessage());
    }

    @Test
    void likeOnADeterministicAttributeIsRefused() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> em
                .createQuery("select p from Patient p where p.ssn like :pattern", Patient.class));

        UnsupportedEncryptedQueryException guard = causeOf(refused, UnsupportedEncryptedQueryException.class);
        assertTrue(guard.getMessage().contains("Patient.ssn"), guard.getMessage());
        assertTrue(guard.getMessage().contains("LIKE"), guard.getMessage());
    }

    static String uniqueSsn() {
        String digits = String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    static <T extends Throwable> T causeOf(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " among the causes of " + thrown, thrown);
    }
}
