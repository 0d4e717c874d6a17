package dev.hibernateae.internal.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.internal.hibernate.model.Address;
import dev.hibernateae.internal.hibernate.model.BloodType;
import dev.hibernateae.internal.hibernate.model.Patient;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

class EncryptedMappingSmokeTest {
    @Test
    void smoke() throws Exception {
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, StaticKeyRing.withRandomKeys("cek1", "cek2"),
                        Patient.class)) {
            sf.inTransaction(s -> {
                Patient p = new Patient("795-73-9838", LocalDate.of(1980, 2, 29), "Doe");
                p.mrn = 42;
                p.balance = new BigDecimal("12.5");
                p.bloodType = BloodType.O_NEGATIVE;
                p.address = new Address("12345", "Springfield");
                p.aliases.add("JD");
                s.persist(p);
                s.persist(new Patient("111-22-3333", LocalDate.of(1990, 1, 1), "Roe"));
            });
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("select * from patient")) {
                var md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    System.out.println(md.getColumnName(i) + " " + md.getColumnTypeName(i) + " " + md.getPrecision(i));
                }
                while (rs.next()) {
                    byte[] ssn = rs.getBytes("ssn");
                    System.out.println("ssn cell " + HexFormat.of().formatHex(ssn).substring(0, 10) + " len " + ssn.length);
                }
            }
            List<Patient> found = sf.fromTransaction(s -> s.createSelectionQuery(
                    "from Patient where ssn = :ssn", Patient.class).setParameter("ssn", "795-73-9838").getResultList());
            assertEquals(1, found.size());
            assertEquals("Doe", found.get(0).lastName);
            assertEquals(new BigDecimal("12.50"), found.get(0).balance);
            assertEquals(LocalDate.of(1980, 2, 29), found.get(0).birthDate);
            assertEquals(List.of("JD"), List.copyOf(found.get(0).aliases));
            assertEquals(1, sf.fromTransaction(s -> s.createSelectionQuery(
                    "from Patient where ssn = '795-73-9838'", Patient.class).getResultList()).size());
            assertEquals(1, sf.fromTransaction(s -> s.createSelectionQuery(
                    "from Patient where address.zip = :z", Patient.class).setParameter("z", "12345").getResultList()).size());
            assertEquals(1, sf.fromTransaction(s -> s.createSelectionQuery(
                    "from Patient p join p.aliases a where a = :a", Patient.class).setParameter("a", "JD").getResultList()).size());
        }
    }
}
