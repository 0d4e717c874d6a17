package dev.hibernateae.internal.lifecycle;

import static dev.hibernateae.internal.lifecycle.LifecycleTestSupport.poll;
import static dev.hibernateae.internal.lifecycle.LifecycleTestSupport.rotation;
import static dev.hibernateae.internal.lifecycle.LifecycleTestSupport.stored;
import static dev.hibernateae.internal.lifecycle.LifecycleTestSupport.under;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.hibernate.model.Address;
import dev.hibernateae.internal.hibernate.model.Claim;
import dev.hibernateae.internal.hibernate.model.Patient;
import dev.hibernateae.internal.hibernate.model.PatientNames;
import dev.hibernateae.testing.PerDatabaseScenarios;
import dev.hibernateae.testing.TestDatabase;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Root;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * While column encryption key "cek1" is rotated to "cek1_next", rows under both keys exist: reads accept both,
 * writes use the new key, and equality on deterministic attributes (parameters, literals, IN lists, Criteria,
 * collections, bulk DML) finds rows under either key. Comparisons that cannot match both are refused.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class KeyRotationQueriesTest extends PerDatabaseScenarios {
    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {Patient.class, Claim.class};
    }

    @Override
    protected Map<String, Object> extraSettings() {
        Map<String, Object> settings = super.extraSettings();
        // The tests poll by hand.
        settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H");
        return settings;
    }

    @BeforeParameterizedClassInvocation
    void nextKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        keyRing.put("cek1_next", key);
    }

    /**
     * A new application on a fresh schema: Ada, Brook and Cole were written under cek1; the rotation starts;
     * Dan and Eve are written after.
     */
    @BeforeEach
    void rowsUnderBothKeys() {
        LifecycleTestSupport.clear(db);
        restartApplication(Map.of());
        sessionFactory.inTransaction(s -> {
            s.persist(patient("100-00-0001", "Ada", "11111", "Countess"));
            s.persist(patient("100-00-0002", "Brook", "22222", null));
            s.persist(patient("100-00-0003", "Cole", "11111", null));
            s.persist(new Claim("100-00-0001", "C1"));
        });
        rotation(keyRing, db, "cek1", "cek1", "cek1_next", KeyRotation.Phase.ROTATING);
        poll(sessionFactory);
        sessionFactory.inTransaction(s -> {
            s.persist(patient("100-00-0004", "Dan", "11111", "Danny"));
            s.persist(patient("100-00-0005", "Eve", "55555", null));
            s.persist(new Claim("100-00-0004", "C4"));
        });
    }

    private static Patient patient(String ssn, String lastName, String zip, String alias) {
        Patient p = new Patient(ssn, LocalDate.of(1990, 1, 1), lastName);
        p.address = new Address(zip, "Town");
        if (alias != null) {
            p.aliases.add(alias);
        }
        return p;
    }

    private Set<String> names(String hql, Object... parameters) {
        return PatientNames.of(sessionFactory, hql, parameters);
    }

    @Test
    void rowsOfBothKeysAreThere() {
        byte[] ada = stored(db, "patient", "ssn", "lastName = ?", "Ada");
        byte[] dan = stored(db, "patient", "ssn", "lastName = ?", "Dan");
        assertTrue(under(keyRing.cellKey("cek1"), ada));
        assertFalse(under(keyRing.cellKey("cek1_next"), ada));
        assertTrue(under(keyRing.cellKey("cek1_next"), dan), "written after the rotation started: new key");
        assertFalse(under(keyRing.cellKey("cek1"), dan));
    }

    @Test
    void readsAcceptEitherKey() {
        assertEquals(Set.of("Ada", "Brook", "Cole", "Dan", "Eve"), names("from Patient"));
        List<String> ssns = sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select p.ssn from Patient p order by p.lastName", String.class).getResultList());
        assertEquals(List.of("100-00-0001", "100-00-0002", "100-00-0003", "100-00-0004", "100-00-0005"), ssns);
    }

    @Test
    void equalsParameterFindsRowsUnderEitherKey() {
        assertEquals(Set.of("Ada"), names("from Patient where ssn = :ssn", "ssn", "100-00-0001"));
        assertEquals(Set.of("Dan"), names("from Patient where ssn = :ssn", "ssn", "100-00-0004"));
        assertEquals(Set.of(), names("from Patient where ssn = :ssn", "ssn", "999-99-9999"));
    }

    @Test
    void equalsLiteralFindsRowsUnderEitherKey() {
        assertEquals(Set.of("Brook"), names("from Patient where ssn = '100-00-0002'"));
        assertEquals(Set.of("Eve"), names("from Patient where '100-00-0005' = ssn"));
    }

    @Test
    void notEqualsExcludesTheRowUnderEitherKey() {
        assertEquals(Set.of("Brook", "Cole", "Dan", "Eve"), names("from Patient where ssn <> :ssn", "ssn",
                "100-00-0001"));
        assertEquals(Set.of("Ada", "Brook", "Cole", "Eve"), names("from Patient where ssn <> '100-00-0004'"));
    }

    @Test
    void inAndNotInListsMatchBothKeys() {
        assertEquals(Set.of("Ada", "Dan"), names("from Patient where ssn in :list", "list",
                List.of("100-00-0001", "100-00-0004", "555-55-5555")));
        assertEquals(Set.of("Brook", "Eve"), names("from Patient where ssn in ('100-00-0002', '100-00-0005')"));
        assertEquals(Set.of("Cole", "Dan"), names("from Patient where ssn not in ('100-00-0001', '100-00-0002', "
                + "'100-00-0005')"));
    }

    @Test
    void embeddablesAndElementCollectionsMatchBothKeys() {
        assertEquals(Set.of("Ada", "Cole", "Dan"), names("from Patient p where p.address.zip = :zip", "zip",
                "11111"));
        assertEquals(Set.of("Ada"), names("select p from Patient p join p.aliases a where a = :a", "a",
                "Countess"));
        assertEquals(Set.of("Dan"), names("select p from Patient p join p.aliases a where a = :a", "a", "Danny"));
        assertEquals(Set.of("Ada"), names("from Patient p where :a member of p.aliases", "a", "Countess"));
        assertEquals(Set.of("Dan"), names("from Patient p where :a member of p.aliases", "a", "Danny"));
    }

    @Test
    void criteriaParametersAndValuesMatchBothKeys() {
        Set<String> byParameter = sessionFactory.fromTransaction(s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<Patient> q = cb.createQuery(Patient.class);
            Root<Patient> root = q.from(Patient.class);
            ParameterExpression<String> ssn = cb.parameter(String.class, "ssn");
            q.select(root).where(cb.or(cb.equal(root.get("ssn"), ssn), cb.equal(root.get("lastName"), "Eve")));
            Set<String> names = new TreeSet<>();
            s.createQuery(q).setParameter("ssn", "100-00-0003").getResultList().forEach(p -> names.add(p.lastName));
            return names;
        });
        assertEquals(Set.of("Cole", "Eve"), byParameter);
        Set<String> byValue = sessionFactory.fromTransaction(s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<Patient> q = cb.createQuery(Patient.class);
            Root<Patient> root = q.from(Patient.class);
            q.select(root).where(root.get("ssn").in("100-00-0002", "100-00-0004"));
            Set<String> names = new TreeSet<>();
            s.createQuery(q).getResultList().forEach(p -> names.add(p.lastName));
            return names;
        });
        assertEquals(Set.of("Brook", "Dan"), byValue);
    }

    @Test
    void bulkUpdateAndDeleteMatchRowsUnderTheOldKeyAndWriteTheNewOne() {
        int updated = sessionFactory.fromTransaction(s -> s.createMutationQuery(
                "update Patient set ssn = :new where ssn = :old")
                .setParameter("new", "200-00-0002").setParameter("old", "100-00-0002").executeUpdate());
        assertEquals(1, updated);
        assertTrue(under(keyRing.cellKey("cek1_next"), stored(db, "patient", "ssn", "lastName = ?", "Brook")));
        assertEquals(Set.of("Brook"), names("from Patient where ssn = :ssn", "ssn", "200-00-0002"));
        int deleted = sessionFactory.fromTransaction(s -> s.createMutationQuery(
                "delete from Claim where patientSsn = '100-00-0001'").executeUpdate());
        assertEquals(1, deleted);
    }

    @Test
    void comparingTwoEncryptedColumnsIsRefusedUntilTheRotationCompletes() {
        UnsupportedEncryptedQueryException refused = assertThrows(UnsupportedEncryptedQueryException.class,
                () -> sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                        "select c.code from Claim c join Patient p on p.ssn = c.patientSsn", String.class)
                        .getResultList()));
        assertTrue(refused.attribute().endsWith(".patientSsn") || refused.attribute().equals("Patient.ssn"),
                refused.attribute());
        assertTrue(refused.getMessage().contains("Patient.ssn") && refused.getMessage().contains("more than one "
                + "form"), refused.getMessage());

        reencryptEverything();
        rotation(keyRing, db, "cek1", "cek1", "cek1_next", KeyRotation.Phase.COMPLETED);
        poll(sessionFactory);
        List<String> codes = sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select c.code from Claim c join Patient p on p.ssn = c.patientSsn order by c.code", String.class)
                .getResultList());
        assertEquals(List.of("C1", "C4"), codes);
    }

    @Test
    void afterCompletionEqualityMatchesTheNewKeyOnlyAndOldCellsStillRead() {
        reencryptEverything();
        rotation(keyRing, db, "cek1", "cek1", "cek1_next", KeyRotation.Phase.COMPLETED);
        poll(sessionFactory);
        assertEquals(Set.of("Ada"), names("from Patient where ssn = :ssn", "ssn", "100-00-0001"));
        assertEquals(Set.of("Cole"), names("from Patient where ssn = '100-00-0003'"));
    }

    /** What the re-encryption job does, row by row, for the columns under cek1 used here. */
    private void reencryptEverything() {
        for (String[] column : new String[][] {{"patient", "ssn"}, {"patient", "zip"}, {"patient_alias", "alias"},
                {"Claim", "patientSsn"}}) {
            rewrite(column[0], column[1], EncryptionType.DETERMINISTIC);
        }
        rewrite("patient", "birthDate", EncryptionType.RANDOMIZED);
    }

    private void rewrite(String table, String column, EncryptionType type) {
        try (var c = db.connect(); var select = c.prepareStatement("select " + column + " from " + table);
                var rows = select.executeQuery()) {
            List<byte[]> cells = new java.util.ArrayList<>();
            while (rows.next()) {
                if (rows.getBytes(1) != null) {
                    cells.add(rows.getBytes(1));
                }
            }
            for (byte[] cell : cells) {
                if (under(keyRing.cellKey("cek1"), cell) || !under(keyRing.cellKey("cek1_next"), cell)
                        && type == EncryptionType.RANDOMIZED && underRandomized(cell)) {
                    byte[] next = LifecycleTestSupport.reencrypt(keyRing.cellKey("cek1"),
                            keyRing.cellKey("cek1_next"), cell, type);
                    try (var update = c.prepareStatement("update " + table + " set " + column + " = ? where "
                            + column + " = ?")) {
                        update.setBytes(1, next);
                        update.setBytes(2, cell);
                        update.executeUpdate();
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean underRandomized(byte[] cell) {
        try {
            new dev.hibernateae.internal.crypto.CellCipher(keyRing.cellKey("cek1"), EncryptionType.RANDOMIZED)
                    .decrypt(cell);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static AlwaysEncryptedException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AlwaysEncryptedException found) {
                return found;
            }
        }
        throw new AssertionError("no AlwaysEncryptedException in " + e, e);
    }
}
