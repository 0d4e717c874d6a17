package dev.hibernateae.internal.guard;

import static dev.hibernateae.internal.guard.GuardedPeople.DOE_SSN;
import static dev.hibernateae.internal.guard.GuardedPeople.POE_SSN;
import static dev.hibernateae.internal.guard.GuardedPeople.ROE_SSN;
import static dev.hibernateae.internal.guard.GuardedPeople.SHARED_ZIP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.internal.guard.model.Clinic;
import dev.hibernateae.internal.guard.model.Person;
import dev.hibernateae.internal.guard.model.Residence;
import dev.hibernateae.internal.guard.model.Vip;
import dev.hibernateae.testing.TestDatabase;
import jakarta.persistence.Tuple;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Every form the guard lets through still runs and finds exactly the right rows. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllowedEncryptedQueriesTest {
    @Parameter
    TestDatabase database;

    private GuardedPeople people;

    @BeforeParameterizedClassInvocation
    void open() {
        people = GuardedPeople.open(database, Map.of());
    }

    @AfterParameterizedClassInvocation
    void close() {
        people.close();
    }

    private Set<String> lastNames(String hql, Object... parameters) {
        return people.sessionFactory.fromTransaction(s -> {
            SelectionQuery<String> query = s.createSelectionQuery(hql, String.class);
            for (int i = 0; i < parameters.length; i += 2) {
                query.setParameter((String) parameters[i], parameters[i + 1]);
            }
            return new TreeSet<>(query.getResultList());
        });
    }

    private <T> T criteria(Function<Session, T> work) {
        return people.sessionFactory.fromTransaction(work::apply);
    }

    private static Set<String> names(String... names) {
        return new TreeSet<>(Arrays.asList(names));
    }

    // ---------------------------------------------------------------- HQL / JPQL

    @Test
    void equalityWithAParameterFindsTheOneMatchingRow() {
        assertEquals(names("Doe"), lastNames("select p.lastName from Person p where p.ssn = :ssn", "ssn", DOE_SSN));
    }

    @Test
    void equalityWithTheParameterOnTheLeftFindsTheRow() {
        assertEquals(names("Doe"), lastNames("select p.lastName from Person p where :ssn = p.ssn", "ssn", DOE_SSN));
    }

    @Test
    void equalityWithAStringLiteralFindsTheRow() {
        assertEquals(names("Roe"), lastNames("select p.lastName from Person p where p.ssn = '222-22-2222'"));
    }

    @Test
    void equalityWithNumericAndBooleanLiteralsFindsTheRows() {
        assertEquals(names("Roe"), lastNames("select p.lastName from Person p where p.mrn = 2"));
        assertEquals(names("Doe", "Poe"), lastNames("select p.lastName from Person p where p.active = true"));
    }

    @Test
    void numericLiteralsOfAnotherNumericTypeAreConvertedWithoutLoss() {
        assertEquals(names("Doe"), lastNames("select p.lastName from Person p where p.creditLimit = 10000"));
        assertEquals(names("Doe", "Roe"), lastNames(
                "select p.lastName from Person p where p.creditLimit in (10000, 5)"));
        assertEquals(names("Roe"), lastNames("select p.lastName from Person p where p.mrn = 2L"));
        assertEquals(names("Roe"), lastNames("select p.lastName from Person p where p.mrn = 2.0"));
        assertEquals(List.of("Doe"), criteria(s -> {
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(String.class);
            var p = q.from(Person.class);
            return s.createQuery(q.select(p.get("lastName")).where(cb.equal(p.get("creditLimit"), cb.literal(10000))))
                    .getResultList();
        }));
    }

    @Test
    void sqlFragmentsThatNameOnlyPlainColumnsRun() {
        assertEquals(List.of("Doe", "Nobody", "Poe", "Roe"), people.sessionFactory.fromTransaction(s -> s
                .createSelectionQuery("select p.lastName from Person p order by sql('lastName')", String.class)
                .getResultList()));
        // A column name inside a string literal is not a column.
        assertEquals(List.of("ssn"), people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select sql('''ssn''') from Person p where p.ssn = :ssn", Object.class).setParameter("ssn", DOE_SSN)
                .getResultList()));
    }

    @Test
    void inequalityInEverySpellingFindsTheOtherNonNullRows() {
        assertEquals(names("Roe", "Poe"), lastNames("select p.lastName from Person p where p.ssn <> :ssn",
                "ssn", DOE_SSN));
        assertEquals(names("Roe", "Poe"), lastNames("select p.lastName from Person p where p.ssn != '111-11-1111'"));
        assertEquals(names("Roe", "Poe"), lastNames("select p.lastName from Person p where p.ssn ^= :ssn",
                "ssn", DOE_SSN));
    }

    @Test
    void isDistinctFromCountsNullAsAValue() {
        assertEquals(names("Roe", "Poe", "Nobody"), lastNames(
                "select p.lastName from Person p where p.ssn is distinct from :ssn", "ssn", DOE_SSN));
    }

    @Test
    void inWithParametersLiteralsAndAListFindsTheRows() {
        assertEquals(names("Doe", "Poe"), lastNames("select p.lastName from Person p where p.ssn in (:a, :b)",
                "a", DOE_SSN, "b", POE_SSN));
        assertEquals(names("Doe", "Roe"), lastNames(
                "select p.lastName from Person p where p.ssn in ('111-11-1111', '222-22-2222')"));
        assertEquals(names("Roe", "Poe"), lastNames("select p.lastName from Person p where p.ssn in :ssns",
                "ssns", List.of(ROE_SSN, POE_SSN)));
    }

    @Test
    void notInExcludesTheListedRows() {
        assertEquals(names("Roe", "Poe"), lastNames("select p.lastName from Person p where p.ssn not in (:a)",
                "a", DOE_SSN));
    }

    @Test
    void isNullWorksOnDeterministicAndRandomizedAttributes() {
        assertEquals(names("Nobody"), lastNames("select p.lastName from Person p where p.ssn is null"));
        assertEquals(names("Doe"), lastNames("select p.lastName from Person p where p.birthDate is not null"));
        assertEquals(names("Doe", "Roe"), lastNames("select p.lastName from Person p where p.note is not null"));
    }

    @Test
    void optionalFilterWithTheSameParameterInIsNullAndEquality() {
        assertEquals(names("Doe"), lastNames(
                "select p.lastName from Person p where :ssn is null or p.ssn = :ssn", "ssn", DOE_SSN));
    }

    @Test
    void equalityThroughAnEmbeddableFindsBothRowsWithTheSharedZip() {
        assertEquals(names("Doe", "Roe"), lastNames("select p.lastName from Person p where p.home.zip = :zip",
                "zip", SHARED_ZIP));
    }

    @Test
    void equalityOfAWholeEmbeddableWithAParameterFindsTheRow() {
        assertEquals(names("Doe"), lastNames("select p.lastName from Person p where p.home = :home",
                "home", new Residence(SHARED_ZIP, "Springfield")));
    }

    @Test
    void equalityOnAJoinedElementCollectionFindsTheOwner() {
        assertEquals(names("Doe"), lastNames("select p.lastName from Person p join p.aliases a where a = :alias",
                "alias", "JD"));
        assertEquals(names("Doe", "Roe"), lastNames(
                "select distinct p.lastName from Person p join p.aliases a where a in ('Johnny', 'RR')"));
    }

    @Test
    void memberOfAnEncryptedElementCollectionFindsTheOwner() {
        assertEquals(names("Roe"), lastNames("select p.lastName from Person p where :alias member of p.aliases",
                "alias", "RR"));
    }

    @Test
    void equalityJoinBetweenAttributesUnderTheSameKeyInOnAndWhere() {
        assertEquals(names("Roe"), lastNames(
                "select p.lastName from Person p join Clinic c on c.ownerSsn = p.ssn"));
        assertEquals(names("Roe"), lastNames(
                "select p.lastName from Person p, Clinic c where p.ssn = c.ownerSsn and c.name = 'North'"));
    }

    @Test
    void inSubqueryOfTheSameEncryptionFindsTheRow() {
        assertEquals(names("Roe"), lastNames(
                "select p.lastName from Person p where p.ssn in (select c.ownerSsn from Clinic c)"));
        assertEquals(names("Roe"), lastNames(
                "select p.lastName from Person p where p.ssn = any (select c.ownerSsn from Clinic c)"));
    }

    @Test
    void equalityThroughAnAssociationAndATreatFindsTheRows() {
        assertEquals(names("Doe"), lastNames("select p.lastName from Person p where p.clinic.ownerSsn = :owner",
                "owner", ROE_SSN));
        assertEquals(names("Poe"), lastNames("select p.lastName from Person p where treat(p as Vip).code = :code",
                "code", "GOLD"));
    }

    @Test
    void selectingEncryptedAttributesDecryptsThem() {
        List<Object[]> rows = people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select p.ssn, p.home.zip, p.birthDate, a from Person p join p.aliases a where p.lastName = 'Doe' "
                        + "and a = 'JD'", Object[].class).getResultList());
        assertEquals(1, rows.size());
        assertEquals(DOE_SSN, rows.get(0)[0]);
        assertEquals(SHARED_ZIP, rows.get(0)[1]);
        assertEquals(java.time.LocalDate.of(1980, 1, 1), rows.get(0)[2]);
        assertEquals("JD", rows.get(0)[3]);
    }

    @Test
    void selectDistinctOfADeterministicAttributeDeduplicates() {
        assertEquals(Set.of(SHARED_ZIP, "99999"), people.sessionFactory.fromTransaction(s -> new TreeSet<>(
                s.createSelectionQuery("select distinct p.home.zip from Person p where p.home.zip is not null",
                        String.class).getResultList())));
    }

    @Test
    void groupByADeterministicAttributeGroupsEqualValues() {
        Map<String, Long> counts = people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select p.home.zip, count(p) from Person p where p.home.zip is not null group by p.home.zip",
                Object[].class).getResultList().stream().collect(Collectors.toMap(r -> (String) r[0],
                        r -> (Long) r[1])));
        assertEquals(Map.of(SHARED_ZIP, 2L, "99999", 1L), counts);
    }

    private long count(String hql) {
        return people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(hql, Long.class).getSingleResult());
    }

    @Test
    void countCountsNonNullCellsOfEitherEncryptionType() {
        assertEquals(3L, count("select count(p.ssn) from Person p"));
        assertEquals(1L, count("select count(p.birthDate) from Person p"));
        assertEquals(2L, count("select count(distinct p.home.zip) from Person p"));
    }

    @Test
    void collectionSizeAndEmptinessDoNotLookAtEncryptedElements() {
        assertEquals(names("Doe"), lastNames("select p.lastName from Person p where size(p.aliases) = 2"));
        assertEquals(names("Poe", "Nobody"), lastNames("select p.lastName from Person p where p.aliases is empty"));
    }

    @Test
    void namedQueryWithEqualityRuns() {
        List<Person> found = people.sessionFactory.fromTransaction(s -> s.createNamedSelectionQuery("Person.bySsn",
                Person.class).setParameter("ssn", ROE_SSN).getResultList());
        assertEquals(List.of("Roe"), found.stream().map(p -> p.lastName).toList());
    }

    // ---------------------------------------------------------------- Criteria

    @Test
    void criteriaEqualityWithAValueFindsTheRow() {
        assertEquals(List.of("Doe"), criteria(s -> {
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(String.class);
            var p = q.from(Person.class);
            return s.createQuery(q.select(p.get("lastName")).where(cb.equal(p.get("ssn"), DOE_SSN)))
                    .getResultList();
        }));
    }

    @Test
    void criteriaEqualityWithAParameterAndALiteralFindsTheRows() {
        assertEquals(List.of("Roe"), criteria(s -> {
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(String.class);
            var p = q.from(Person.class);
            var ssn = cb.parameter(String.class, "ssn");
            return s.createQuery(q.select(p.get("lastName")).where(cb.equal(p.get("ssn"), ssn)))
                    .setParameter("ssn", ROE_SSN).getResultList();
        }));
        assertEquals(List.of("Roe"), criteria(s -> {
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(String.class);
            var p = q.from(Person.class);
            return s.createQuery(q.select(p.get("lastName")).where(cb.equal(p.get("ssn"), cb.literal(ROE_SSN))))
                    .getResultList();
        }));
    }

    @Test
    void criteriaInNotEqualAndIsNullFindTheRows() {
        assertEquals(names("Doe", "Poe"), criteria(s -> {
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(String.class);
            var p = q.from(Person.class);
            return new TreeSet<>(s.createQuery(q.select(p.get("lastName")).where(p.get("ssn").in(DOE_SSN, POE_SSN)))
                    .getResultList());
        }));
        assertEquals(names("Roe", "Poe"), criteria(s -> {
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(String.class);
            var p = q.from(Person.class);
            return new TreeSet<>(s.createQuery(q.select(p.get("lastName")).where(cb.notEqual(p.get("ssn"), DOE_SSN)))
                    .getResultList());
        }));
        assertEquals(names("Nobody"), criteria(s -> {
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(String.class);
            var p = q.from(Person.class);
            return new TreeSet<>(s.createQuery(q.select(p.get("lastName")).where(cb.isNull(p.get("birthDate"))))
                    .getResultList().stream().filter("Nobody"::equals).toList());
        }));
    }

    @Test
    void criteriaEqualityOnEmbeddableElementCollectionJoinAndTreat() {
        assertEquals(names("Doe", "Roe"), criteria(s -> {
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(String.class);
            var p = q.from(Person.class);
            return new TreeSet<>(s.createQuery(q.select(p.get("lastName"))
                    .where(cb.equal(p.get("home").get("zip"), SHARED_ZIP))).getResultList());
        }));
        assertEquals(names("Roe"), criteria(s -> {
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(String.class);
            var p = q.from(Person.class);
            var alias = p.join("aliases");
            return new TreeSet<>(s.createQuery(q.select(p.get("lastName")).where(cb.equal(alias, "RR")))
                    .getResultList());
        }));
        assertEquals(names("Poe"), criteria(s -> {
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(String.class);
            var p = q.from(Person.class);
            return new TreeSet<>(s.createQuery(q.select(p.get("lastName"))
                    .where(cb.equal(cb.treat(p, Vip.class).get("code"), "GOLD"))).getResultList());
        }));
    }

    @Test
    void criteriaEqualityJoinBetweenTwoEntitiesUnderTheSameKey() {
        assertEquals(List.of("Roe"), criteria(s -> {
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(String.class);
            var p = q.from(Person.class);
            var c = q.from(Clinic.class);
            return s.createQuery(q.select(p.get("lastName")).where(cb.equal(p.get("ssn"), c.get("ownerSsn"))))
                    .getResultList();
        }));
    }

    @Test
    void criteriaGroupByAndCountOnADeterministicAttribute() {
        Map<String, Long> counts = criteria(s -> {
            var cb = s.getCriteriaBuilder();
            var q = cb.createTupleQuery();
            var p = q.from(Person.class);
            var zip = p.get("home").<String>get("zip");
            q.select(cb.tuple(zip, cb.count(p.get("ssn")))).where(cb.isNotNull(zip)).groupBy(zip);
            Map<String, Long> result = new HashMap<>();
            for (Tuple t : s.createQuery(q).getResultList()) {
                result.put(t.get(0, String.class), t.get(1, Long.class));
            }
            return result;
        });
        assertEquals(Map.of(SHARED_ZIP, 2L, "99999", 1L), counts);
    }

    // ---------------------------------------------------------------- plain attributes are untouched

    @Test
    void plainAttributesStillSortCompareAndMatchPatterns() {
        List<String> ordered = people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select p.lastName from Person p where p.age > 35 and p.lastName like '%o%' and upper(p.lastName) "
                        + "<> 'X' order by p.age desc", String.class).getResultList());
        assertEquals(List.of("Nobody", "Poe", "Roe"), ordered);
    }

    @Test
    void plainElementCollectionsStillMatchPatterns() {
        assertEquals(names("Doe"), lastNames("select p.lastName from Person p join p.nicknames n where n like 'j%'"));
    }
}
