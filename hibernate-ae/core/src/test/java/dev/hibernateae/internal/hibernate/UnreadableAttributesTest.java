package dev.hibernateae.internal.hibernate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.hibernate.model.Patient;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** A client that cannot unwrap a key fails clearly by default, and never overwrites what it could not read. */
class UnreadableAttributesTest {

    private static byte[] raw(TestDatabase.Instance db, String column, Long id) throws SQLException {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("select " + column + " from patient where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBytes(1);
            }
        }
    }

    private static Long persist(SessionFactory sf) {
        return sf.fromTransaction(s -> {
            Patient p = new Patient("795-73-9838", LocalDate.of(1980, 1, 1), "Doe");
            p.mrn = 12345;
            s.persist(p);
            return p.id;
        });
    }

    @Test
    void byDefaultLoadingFailsNamingTheAttributeAndKey() {
        StaticKeyRing ring = StaticKeyRing.withRandomKeys("cek1", "cek2");
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, ring, Patient.class)) {
            Long id = persist(sf);
            ring.makeUnavailable("cek2");
            RuntimeException e = assertThrows(RuntimeException.class, () -> sf.fromTransaction(s -> s.find(Patient.class, id)));
            ColumnEncryptionKeyException cause = EncryptedStorageTest.findCause(e, ColumnEncryptionKeyException.class);
            assertTrue(cause != null && cause.getMessage().contains("Patient.mrn") && cause.getMessage().contains("cek2"),
                    EncryptedStorageTest.allMessages(e));
        }
    }

    @Test
    void inNullModeTheAttributeLoadsAsNullAndAFlushLeavesItsCiphertextUnchanged() throws SQLException {
        StaticKeyRing ring = StaticKeyRing.withRandomKeys("cek1", "cek2");
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, ring,
                        Map.of(EncryptionSettings.UNREADABLE_ATTRIBUTES, "null"), Patient.class)) {
            Long id = persist(sf);
            byte[] before = raw(db, "mrn", id);
            ring.makeUnavailable("cek2");

            sf.inTransaction(s -> {
                Patient p = s.find(Patient.class, id);
                assertNull(p.mrn, "unreadable attribute loads as null");
                assertEquals("795-73-9838", p.ssn, "readable attributes still decrypt");
                p.lastName = "Changed";
            });
            sf.inTransaction(s -> {
                Patient detached = s.find(Patient.class, id);
                s.detach(detached);
                detached.lastName = "Merged";
                s.merge(detached);
            });

            assertArrayEquals(before, raw(db, "mrn", id), "the ciphertext this client could not read is untouched");
            ring.makeAvailable("cek2");
            Patient reread = sf.fromTransaction(s -> s.find(Patient.class, id));
            assertEquals(12345, reread.mrn);
            assertEquals("Merged", reread.lastName);
        }
    }

    @Test
    void aTamperedCellFailsEvenInNullMode() throws SQLException {
        StaticKeyRing ring = StaticKeyRing.withRandomKeys("cek1", "cek2");
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, ring,
                        Map.of(EncryptionSettings.UNREADABLE_ATTRIBUTES, "null"), Patient.class)) {
            Long id = persist(sf);
            byte[] cell = raw(db, "mrn", id);
            cell[40] ^= 0x10;
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("update patient set mrn = ? where id = ?")) {
                ps.setBytes(1, cell);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            assertThrows(RuntimeException.class, () -> sf.fromTransaction(s -> s.find(Patient.class, id)));
        }
    }

    @Test
    void anUnknownModeIsRejectedNamingTheSetting() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> TestSessionFactories.build(db,
                    StaticKeyRing.withRandomKeys("cek1", "cek2"), Map.of(EncryptionSettings.UNREADABLE_ATTRIBUTES, "skip"),
                    Patient.class));
            assertTrue(EncryptedStorageTest.allMessages(e).contains(EncryptionSettings.UNREADABLE_ATTRIBUTES),
                    EncryptedStorageTest.allMessages(e));
        }
    }
}
