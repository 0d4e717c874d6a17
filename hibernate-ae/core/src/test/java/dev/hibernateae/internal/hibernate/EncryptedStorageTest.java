package dev.hibernateae.internal.hibernate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.CellDecryptionException;
import dev.hibernateae.api.EncryptedValues;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.hibernate.model.Address;
import dev.hibernateae.internal.hibernate.model.BloodType;
import dev.hibernateae.internal.hibernate.model.Patient;
import dev.hibernateae.testing.Bytes;
import dev.hibernateae.testing.PerDatabaseScenarios;
import dev.hibernateae.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What the database holds for encrypted attributes, and what the application reads back. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class EncryptedStorageTest extends PerDatabaseScenarios {
    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {Patient.class};
    }

    private Long persist(String ssn, LocalDate birthDate, String lastName) {
        return sessionFactory.fromTransaction(s -> {
            Patient p = new Patient(ssn, birthDate, lastName);
            p.mrn = 7;
            p.balance = new BigDecimal("10.5");
            p.bloodType = BloodType.AB_POSITIVE;
            p.address = new Address("90210", "Beverly Hills");
            p.aliases.addAll(Set.of("Jo", "Jojo"));
            s.persist(p);
            return p.id;
        });
    }

    private byte[] rawCell(String sql, Object key) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "row exists");
                return rs.getBytes(1);
            }
        }
    }

    @Test
    void databaseHoldsCiphertextWhileTheApplicationReadsPlaintext() throws SQLException {
        Long id = persist("795-73-9838", LocalDate.of(1980, 2, 29), "Doe");
        byte[] ssnCell = rawCell("select ssn from patient where id = ?", id);
        assertEquals(CellCipher.VERSION, ssnCell[0]);
        assertEquals(CellCipher.cellLength(22), ssnCell.length, "11 UTF-16 characters");
        assertFalse(Bytes.contains(ssnCell, "795".getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(CellCipher.VERSION, rawCell("select birthDate from patient where id = ?", id)[0]);
        assertEquals(CellCipher.VERSION, rawCell("select zip from patient where id = ?", id)[0]);
        assertEquals(CellCipher.VERSION, rawCell("select alias from patient_alias where Patient_id = ? and alias is not null", id)[0]);
        assertEquals("795-73-9838", EncryptedValues.decrypt(sessionFactory, Patient.class, "ssn", ssnCell, String.class));

        Patient loaded = sessionFactory.fromTransaction(s -> s.find(Patient.class, id));
        assertEquals("795-73-9838", loaded.ssn);
        assertEquals(LocalDate.of(1980, 2, 29), loaded.birthDate);
        assertEquals("Doe", loaded.lastName);
        assertEquals(7, loaded.mrn);
        assertEquals(new BigDecimal("10.50"), loaded.balance);
        assertEquals(BloodType.AB_POSITIVE, loaded.bloodType);
        assertEquals("90210", loaded.address.zip);
        assertEquals(Set.of("Jo", "Jojo"), loaded.aliases);
    }

    @Test
    void plainColumnsStayPlain() throws SQLException {
        Long id = persist("111-11-1111", LocalDate.of(1970, 1, 1), "Plainfield");
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("select lastName, city from patient where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("Plainfield", rs.getString(1));
                assertEquals("Beverly Hills", rs.getString(2));
            }
        }
    }

    @Test
    void equalPlaintextsGiveEqualDeterministicCellsAndDifferentRandomizedCells() throws SQLException {
        Long first = persist("222-22-2222", LocalDate.of(2000, 1, 1), "Twin");
        Long second = persist("222-22-2222", LocalDate.of(2000, 1, 1), "Twin");
        assertArrayEquals(rawCell("select ssn from patient where id = ?", first),
                rawCell("select ssn from patient where id = ?", second));
        assertFalse(Arrays.equals(rawCell("select birthDate from patient where id = ?", first),
                rawCell("select birthDate from patient where id = ?", second)));
    }

    @Test
    void nullsStayNull() throws SQLException {
        Long id = sessionFactory.fromTransaction(s -> {
            Patient p = new Patient("333-33-3333", null, null);
            s.persist(p);
            return p.id;
        });
        assertNull(rawCell("select birthDate from patient where id = ?", id));
        assertNull(rawCell("select mrn from patient where id = ?", id));
        Patient loaded = sessionFactory.fromTransaction(s -> s.find(Patient.class, id));
        assertNull(loaded.birthDate);
        assertNull(loaded.mrn);
    }

    @Test
    void aTamperedCellFailsTheLoadNamingTheAttribute() throws SQLException {
        Long id = persist("444-44-4444", LocalDate.of(1999, 9, 9), "Victim");
        byte[] cell = rawCell("select ssn from patient where id = ?", id);
        cell[cell.length - 1] ^= 0x01;
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("update patient set ssn = ? where id = ?")) {
            ps.setBytes(1, cell);
            ps.setLong(2, id);
            assertEquals(1, ps.executeUpdate());
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> sessionFactory.fromTransaction(s -> s.find(Patient.class, id)));
        CellDecryptionException cause = findCause(e, CellDecryptionException.class);
        assertNotNull(cause, "a CellDecryptionException in " + e);
        assertEquals(CellDecryptionException.Reason.TAG_MISMATCH, cause.reason());
        assertTrue(cause.getMessage().contains("Patient.ssn"), cause.getMessage());
        assertFalse(cause.getMessage().contains("444-44"), "no plaintext in the message");
    }

    @Test
    void anUnknownKeyFailsTheWriteNamingAttributeAndKey() {
        Patient p = new Patient("555-55-5555", null, "Nokey");
        keyRing.makeUnavailable("cek2");
        try {
            p.mrn = 1;
            RuntimeException e = assertThrows(RuntimeException.class, () -> sessionFactory.inTransaction(s -> s.persist(p)));
            String message = allMessages(e);
            assertTrue(message.contains("Patient.mrn") && message.contains("cek2"), message);
        } finally {
            keyRing.makeAvailable("cek2");
        }
    }

    @Test
    void nativeQueriesFindRowsByCiphertextFromEncryptedValues() {
        persist("666-66-6666", LocalDate.of(1966, 6, 6), "Native");
        byte[] cell = EncryptedValues.encrypt(sessionFactory, Patient.class, "ssn", "666-66-6666");
        List<?> rows = sessionFactory.fromTransaction(s -> s.createNativeQuery(
                "select lastName from patient where ssn = :ssn", String.class).setParameter("ssn", cell).getResultList());
        assertEquals(List.of("Native"), rows);
    }

    @Test
    void encryptedValuesRejectsAnUnknownAttributeAndAWrongValueType() {
        var unknown = assertThrows(RuntimeException.class,
                () -> EncryptedValues.encrypt(sessionFactory, Patient.class, "lastName", "x"));
        assertTrue(unknown.getMessage().contains("Patient.lastName") && unknown.getMessage().contains("Patient.ssn"),
                unknown.getMessage());
        var wrongType = assertThrows(RuntimeException.class,
                () -> EncryptedValues.encrypt(sessionFactory, Patient.class, "ssn", 42));
        assertTrue(wrongType.getMessage().contains("java.lang.String"), wrongType.getMessage());
    }

    static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static String allMessages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

}
