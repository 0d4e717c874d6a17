package dev.hibernateae.internal.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Equality on deterministic attributes binds ciphertext and finds exactly the right rows, in every query form. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class DeterministicQueryTest extends PerDatabaseScenarios {
    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {Patient.class, Claim.class};
    }

    @BeforeEach
    void patients() {
        sessionFactory.inTransaction(s -> {
            s.createMutationQuery("delete from Claim").executeUpdate();
            for (Patient p : s.createSelectionQuery("from Patient", Patient.class).getResultList()) {
                s.remove(p);
            }
        });
        sessionFactory.inTransaction(s -> {
            s.persist(patient("100-00-0001", "Ada", "11111", null, "Countess"));
            s.persist(patient("100-00-0002", "Brook", "22222", 2, null));
            s.persist(patient("100-00-0003", "Cole", "11111", 3, null));
            s.persist(new Claim("100-00-0001", "C1"));
            s.persist(new Claim("100-00-0003", "C3"));
            s.persist(new Claim("999-99-9999", "orphan"));
        });
    }

    private static Patient patient(String ssn, String lastName, String zip, Integer mrn, String alias) {
        Patient p = new Patient(ssn, LocalDate.of(1990, 1, 1), lastName);
        p.address = new Address(zip, "Town");
        p.mrn = mrn;
        if (alias != null) {
            p.aliases.add(alias);
        }
        return p;
    }

    private Set<String> names(String hql, Object... parameters) {
        return PatientNames.of(sessionFactory, hql, parameters);
    }

    @Test
    void equalsParameter() {
        assertEquals(Set.of("Brook"), names("from Patient where ssn = :ssn", "ssn", "100-00-0002"));
    }

    @Test
    void equalsLiteral() {
        assertEquals(Set.of("Cole"), names("from Patient where ssn = '100-00-0003'"));
    }

    @Test
    void notEqualsParameter() {
        assertEquals(Set.of("Ada", "Cole"), names("from Patient where ssn <> :ssn", "ssn", "100-00-0002"));
    }

    @Test
    void inListAndNotInList() {
        assertEquals(Set.of("Ada", "Cole"), names("from Patient where ssn in :list", "list",
                List.of("100-00-0001", "100-00-0003", "555-55-5555")));
        assertEquals(Set.of("Brook"), names("from Patient where ssn not in ('100-00-0001', '100-00-0003')"));
    }

    @Test
    void isNullAndIsNotNull() {
        assertEquals(Set.of("Ada"), names("from Patient where mrn is null"));
        assertEquals(Set.of("Brook", "Cole"), names("from Patient where mrn is not null"));
    }

    @Test
    void equalityOnAnIntegerUnderAnotherKey() {
        assertEquals(Set.of("Cole"), names("from Patient where mrn = :mrn", "mrn", 3));
    }

    @Test
    void equalityThroughAnEmbeddable() {
        assertEquals(Set.of("Ada", "Cole"), names("from Patient p where p.address.zip = :zip", "zip", "11111"));
    }

    @Test
    void equalityOnAnElementCollection() {
        assertEquals(Set.of("Ada"), names("select p from Patient p join p.aliases a where a = :a", "a", "Countess"));
    }

    @Test
    void criteriaWithTypedParameterAndWithLiteral() {
        Set<String> byParameter = sessionFactory.fromTransaction(s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<Patient> q = cb.createQuery(Patient.class);
            Root<Patient> root = q.from(Patient.class);
            ParameterExpression<String> ssn = cb.parameter(String.class, "ssn");
            q.select(root).where(cb.equal(root.get("ssn"), ssn));
            Set<String> names = new TreeSet<>();
            s.createQuery(q).setParameter("ssn", "100-00-0001").getResultList().forEach(p -> names.add(p.lastName));
            return names;
        });
        assertEquals(Set.of("Ada"), byParameter);
        Set<String> byValue = sessionFactory.fromTransaction(s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<Patient> q = cb.createQuery(Patient.class);
            Root<Patient> root = q.from(Patient.class);
            q.select(root).where(root.get("ssn").in("100-00-0002", "100-00-0003"));
            Set<String> names = new TreeSet<>();
            s.createQuery(q).getResultList().forEach(p -> names.add(p.lastName));
            return names;
        });
        assertEquals(Set.of("Brook", "Cole"), byValue);
    }

    @Test
    void bulkUpdateSetsCiphertextAndBulkDeleteMatchesIt() {
        int updated = sessionFactory.fromTransaction(s -> s.createMutationQuery(
                "update Patient set ssn = :new where ssn = :old")
                .setParameter("new", "200-00-0002").setParameter("old", "100-00-0002").executeUpdate());
        assertEquals(1, updated);
        assertEquals(Set.of("Brook"), names("from Patient where ssn = :ssn", "ssn", "200-00-0002"));
        int deleted = sessionFactory.fromTransaction(s -> s.createMutationQuery(
                "delete from Claim where patientSsn = '999-99-9999'").executeUpdate());
        assertEquals(1, deleted);
    }

    @Test
    void equalityJoinBetweenTwoDeterministicAttributesUnderTheSameKey() {
        List<String> codes = sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select c.code from Claim c join Patient p on p.ssn = c.patientSsn order by c.code", String.class)
                .getResultList());
        assertEquals(List.of("C1", "C3"), codes);
        List<String> viaWhere = sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select p.lastName from Patient p, Claim c where p.ssn = c.patientSsn and c.code = 'C3'",
                String.class).getResultList());
        assertEquals(List.of("Cole"), viaWhere);
    }

    @Test
    void selectingAnEncryptedAttributeDecryptsIt() {
        List<String> ssns = sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select p.ssn from Patient p where p.lastName = 'Ada'", String.class).getResultList());
        assertEquals(List.of("100-00-0001"), ssns);
    }
}
