package dev.hibernateae.internal.guard;

import static dev.hibernateae.internal.guard.GuardedPeople.DOE_SSN;
import static dev.hibernateae.internal.guard.GuardedPeople.ROE_SSN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.internal.guard.model.Badge;
import dev.hibernateae.internal.guard.model.Clinic;
import dev.hibernateae.internal.guard.model.Person;
import dev.hibernateae.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Bulk UPDATE, DELETE and INSERT that the guard lets through change exactly the right rows. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllowedEncryptedMutationsTest {
    @Parameter
    TestDatabase database;

    private static final String NEW_SSN = "555-55-5555";
    private GuardedPeople people;

    @BeforeParameterizedClassInvocation
    void open() {
        people = GuardedPeople.open(database, Map.of(), Badge.class);
    }

    @AfterParameterizedClassInvocation
    void close() {
        people.close();
    }

    @BeforeEach
    void resetRows() {
        people.reset();
        people.sessionFactory.inTransaction(s -> {
            s.createMutationQuery("delete from Badge").executeUpdate();
            s.persist(new Badge(DOE_SSN, "doe"));
            s.persist(new Badge(ROE_SSN, "roe"));
        });
    }

    private int update(String hql, Object... parameters) {
        return people.sessionFactory.fromTransaction(s -> {
            var query = s.createMutationQuery(hql);
            for (int i = 0; i < parameters.length; i += 2) {
                query.setParameter((String) parameters[i], parameters[i + 1]);
            }
            return query.executeUpdate();
        });
    }

    private Set<String> lastNamesWithSsn(String ssn) {
        return people.sessionFactory.fromTransaction(s -> new TreeSet<>(s.createSelectionQuery(
                "select p.lastName from Person p where p.ssn = :ssn", String.class).setParameter("ssn", ssn)
                .getResultList()));
    }

    @Test
    void updateSetsAnEncryptedAttributeFromAParameterWhereItEqualsAnother() {
        assertEquals(1, update("update Person p set p.ssn = :new where p.ssn = :old", "new", NEW_SSN, "old",
                DOE_SSN));
        assertEquals(Set.of("Doe"), lastNamesWithSsn(NEW_SSN));
        assertEquals(Set.of(), lastNamesWithSsn(DOE_SSN));
    }

    @Test
    void updateSetsEncryptedAttributesFromLiteralsAndNull() {
        assertEquals(1, update("update Person p set p.ssn = '555-55-5555', p.note = null where p.lastName = 'Roe'"));
        assertEquals(Set.of("Roe"), lastNamesWithSsn(NEW_SSN));
        assertEquals(List.of("Doe"), people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select p.lastName from Person p where p.note is not null", String.class).getResultList()));
    }

    @Test
    void numericLiteralsAssignedToEncryptedAttributesAreConvertedWithoutLoss() {
        assertEquals(1, update("update Person p set p.creditLimit = 0, p.mrn = 9 where p.ssn = :ssn", "ssn", DOE_SSN));
        assertEquals(1, update("insert into Person (ssn, lastName, creditLimit, mrn) values ('444-44-4444', 'Koe', "
                + "7, 4)"));
        assertEquals(List.of("Doe"), people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select p.lastName from Person p where p.creditLimit = :c and p.mrn = :m", String.class)
                .setParameter("c", 0L).setParameter("m", 9).getResultList()));
        assertEquals(List.of("Koe"), people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select p.lastName from Person p where p.creditLimit = :c and p.mrn = :m", String.class)
                .setParameter("c", 7L).setParameter("m", 4).getResultList()));
    }

    @Test
    void updateMayWriteARandomizedAttributeFromAParameter() {
        assertEquals(1, update("update Person p set p.note = :note where p.ssn = :ssn", "note", "changed", "ssn",
                ROE_SSN));
        assertEquals(List.of("changed"), people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select p.note from Person p where p.ssn = :ssn", String.class).setParameter("ssn", ROE_SSN)
                .getResultList()));
    }

    @Test
    void updateCopiesCiphertextBetweenAttributesEncryptedTheSameWay() {
        assertEquals(2, update("update Clinic c set c.ownerSsn = (select p.ssn from Person p where p.lastName = "
                + "'Doe')"));
        assertEquals(List.of("North", "South"), people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select c.name from Clinic c where c.ownerSsn = :ssn order by c.name", String.class)
                .setParameter("ssn", DOE_SSN).getResultList()));
    }

    @Test
    void deleteRemovesTheRowsMatchedByEqualityAndIn() {
        people.sessionFactory.inTransaction(s -> s.createMutationQuery("update Person p set p.clinic = null")
                .executeUpdate());
        people.sessionFactory.inTransaction(s -> s.createNativeMutationQuery("delete from guard_person_alias")
                .executeUpdate());
        people.sessionFactory.inTransaction(s -> s.createNativeMutationQuery("delete from guard_person_secret")
                .executeUpdate());
        people.sessionFactory.inTransaction(s -> s.createNativeMutationQuery("delete from guard_person_nickname")
                .executeUpdate());
        assertEquals(1, update("delete from Person p where p.ssn = :ssn", "ssn", DOE_SSN));
        assertEquals(1, update("delete from Person p where p.ssn in ('222-22-2222', '999-99-9999')"));
        assertEquals(Set.of("Nobody", "Poe"), people.sessionFactory.fromTransaction(s -> new TreeSet<>(
                s.createSelectionQuery("select p.lastName from Person p", String.class).getResultList())));
    }

    @Test
    void insertValuesEncryptsParametersAndLiterals() {
        assertEquals(2, update("insert into Clinic (ownerSsn, name) values (:ssn, 'East'), ('666-66-6666', 'West')",
                "ssn", NEW_SSN));
        assertEquals(List.of("East"), people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select c.name from Clinic c where c.ownerSsn = :ssn", String.class).setParameter("ssn", NEW_SSN)
                .getResultList()));
    }

    @Test
    void insertSelectCopiesCiphertextIntoAnEntityWithGeneratedIds() {
        assertEquals(1, update("insert into Clinic (ownerSsn, name) select p.ssn, p.lastName from Person p "
                + "where p.ssn = :ssn", "ssn", DOE_SSN));
        assertEquals(List.of("Doe"), people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select c.name from Clinic c where c.ownerSsn = :ssn", String.class).setParameter("ssn", DOE_SSN)
                .getResultList()));
    }

    @Test
    void criteriaUpdateAndDeleteOnAMultiTableEntityWithEquality() {
        int updated = people.sessionFactory.fromTransaction(s -> {
            var cb = s.getCriteriaBuilder();
            var u = cb.createCriteriaUpdate(Badge.class);
            var b = u.from(Badge.class);
            u.set(b.<String>get("label"), "changed").where(cb.equal(b.get("holderSsn"), DOE_SSN));
            return s.createMutationQuery(u).executeUpdate();
        });
        assertEquals(1, updated);
        int deleted = people.sessionFactory.fromTransaction(s -> {
            var cb = s.getCriteriaBuilder();
            var d = cb.createCriteriaDelete(Badge.class);
            var b = d.from(Badge.class);
            return s.createMutationQuery(d.where(cb.notEqual(b.get("holderSsn"), DOE_SSN))).executeUpdate();
        });
        assertEquals(1, deleted);
        assertEquals(List.of("changed"), people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select b.label from Badge b", String.class).getResultList()));
    }

    @Test
    void criteriaInsertSelectCopiesCiphertextIntoAnEntityWithGeneratedIds() {
        int inserted = people.sessionFactory.fromTransaction(s -> {
            HibernateCriteriaBuilder cb = s.getCriteriaBuilder();
            var insert = cb.createCriteriaInsertSelect(Clinic.class);
            var c = insert.getTarget();
            insert.setInsertionTargetPaths(c.get("ownerSsn"), c.get("name"));
            var select = cb.createTupleQuery();
            var p = select.from(Person.class);
            select.select(cb.tuple(p.get("ssn"), p.get("lastName"))).where(cb.equal(p.get("ssn"), ROE_SSN));
            insert.select(select);
            return s.createMutationQuery(insert).executeUpdate();
        });
        assertEquals(1, inserted);
        assertEquals(List.of("North", "Roe"), people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select c.name from Clinic c where c.ownerSsn = :ssn order by c.name", String.class)
                .setParameter("ssn", ROE_SSN).getResultList()));
    }
}
