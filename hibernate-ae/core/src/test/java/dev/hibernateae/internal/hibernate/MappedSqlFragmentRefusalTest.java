package dev.hibernateae.internal.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.hibernate.model.fragments.CollectionFragments;
import dev.hibernateae.internal.hibernate.model.fragments.ElementCollectionFragments;
import dev.hibernateae.internal.hibernate.model.fragments.Enrollment;
import dev.hibernateae.internal.hibernate.model.fragments.EntityFragments;
import dev.hibernateae.internal.hibernate.model.fragments.Resident;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Mapping annotations whose SQL or attribute names reach an encrypted column refuse to start, naming the entity or
 * collection, the annotation, the encrypted attribute, why and what to do. (H2: they fail before any data.)
 */
class MappedSqlFragmentRefusalTest {
    private static final String QUERY_ADVICE = "HQL/JPQL query";
    private static final String SORT_ADVICE = "sort in memory";

    static UnsupportedEncryptedQueryException refused(Class<?>... entities) {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            return assertThrows(UnsupportedEncryptedQueryException.class, () -> TestSessionFactories
                    .build(db, StaticKeyRing.withRandomKeys("cek1"), entities).close());
        }
    }

    static void assertRefusal(UnsupportedEncryptedQueryException e, String owner, String annotation, String attribute,
            String advice) {
        String message = e.getMessage();
        assertEquals(attribute, e.attribute(), message);
        assertEquals(annotation, e.operation(), message);
        assertTrue(message.contains(owner), message);
        assertTrue(message.contains(annotation), message);
        assertTrue(message.contains("(encrypted attribute " + attribute + ", "), message);
        assertTrue(message.contains("ciphertext"), message);
        assertTrue(message.contains(advice), message);
    }

    @Nested
    class OnEntities {
        @Test
        void sqlRestrictionNamingAnEncryptedColumn() {
            UnsupportedEncryptedQueryException e = refused(EntityFragments.RestrictedPatient.class);
            assertRefusal(e, "entity RestrictedPatient", "@SQLRestriction", "RestrictedPatient.ssn", QUERY_ADVICE);
            assertTrue(e.getMessage().contains("column ssn"), e.getMessage());
            assertTrue(e.getMessage().contains("with = or IN and a parameter on this DETERMINISTIC attribute"));
            assertFalse(e.getMessage().contains("000-00-0000"), "the fragment's literal stays out of the message");
        }

        @Test
        void filterNamingAnEncryptedColumn() {
            UnsupportedEncryptedQueryException e = refused(EntityFragments.FilteredPatient.class);
            assertRefusal(e, "entity FilteredPatient", "@Filter", "FilteredPatient.ssn", QUERY_ADVICE);
            assertTrue(e.getMessage().contains("@Filter(name = \"patientBySsn\")"), e.getMessage());
            assertTrue(e.getMessage().contains("plaintext would be sent to the database"), e.getMessage());
        }

        @Test
        void filterNamingAnEncryptedColumnOfAnotherTableThroughAnAlias() {
            UnsupportedEncryptedQueryException e = refused(EntityFragments.AliasFilteredOffice.class, Resident.class);
            assertRefusal(e, "entity AliasFilteredOffice", "@Filter", "Resident.ssn", QUERY_ADVICE);
        }

        @Test
        void filterDefDefaultConditionNamingAnEncryptedColumn() {
            UnsupportedEncryptedQueryException e = refused(EntityFragments.DefaultFilteredPatient.class);
            assertRefusal(e, "entity DefaultFilteredPatient", "@FilterDef", "DefaultFilteredPatient.ssn",
                    "filter in memory");
            assertTrue(e.getMessage().contains("defaultCondition of @FilterDef(name = \"patientBySsnByDefault\"), "
                    + "which @Filter on entity DefaultFilteredPatient uses,"), e.getMessage());
            assertTrue(e.getMessage().contains("RANDOMIZED, so no query can compare it"), e.getMessage());
        }

        @Test
        void formulaNamingAnEncryptedColumn() {
            UnsupportedEncryptedQueryException e = refused(EntityFragments.FormulaPatient.class);
            assertRefusal(e, "entity FormulaPatient (attribute ssnLength)", "@Formula", "FormulaPatient.ssn",
                    "compute the value in Java");
        }

        @Test
        void joinFormulaNamingAnEncryptedColumn() {
            UnsupportedEncryptedQueryException e = refused(EntityFragments.JoinFormulaPatient.class, Resident.class);
            assertRefusal(e, "entity JoinFormulaPatient (attribute sameSsn)", "@JoinFormula", "JoinFormulaPatient.ssn",
                    "compute the value in Java");
        }

        @Test
        void discriminatorFormulaNamingAnEncryptedColumn() {
            UnsupportedEncryptedQueryException e = refused(EntityFragments.DiscriminatedPatient.class,
                    EntityFragments.DiscriminatedChild.class);
            assertRefusal(e, "entity DiscriminatedPatient", "@DiscriminatorFormula", "DiscriminatedPatient.ssn",
                    "plain discriminator column");
        }
    }

    @Nested
    class OnCollectionsOfEntities {
        @Test
        void jpaOrderByNamingAnEncryptedAttribute() {
            UnsupportedEncryptedQueryException e = refused(CollectionFragments.OrderedWard.class, Resident.class);
            assertRefusal(e, "collection OrderedWard.residents", "@OrderBy", "Resident.ssn", SORT_ADVICE);
            assertTrue(e.getMessage().contains("attribute ssn"), e.getMessage());
        }

        @Test
        void sqlOrderNamingAnEncryptedColumn() {
            UnsupportedEncryptedQueryException e = refused(CollectionFragments.SqlOrderedWard.class, Resident.class);
            assertRefusal(e, "collection SqlOrderedWard.residents", "@SQLOrder", "Resident.ssn", SORT_ADVICE);
        }

        @Test
        void sqlRestrictionNamingAnEncryptedColumn() {
            UnsupportedEncryptedQueryException e = refused(CollectionFragments.RestrictedWard.class, Resident.class);
            assertRefusal(e, "collection RestrictedWard.residents", "@SQLRestriction", "Resident.ssn", QUERY_ADVICE);
        }

        @Test
        void filterNamingAnEncryptedColumn() {
            UnsupportedEncryptedQueryException e = refused(CollectionFragments.FilteredWard.class, Resident.class);
            assertRefusal(e, "collection FilteredWard.residents", "@Filter", "Resident.ssn", QUERY_ADVICE);
            assertTrue(e.getMessage().contains("plaintext would be sent to the database"), e.getMessage());
        }

        @Test
        void filterDefDefaultConditionNamingAnEncryptedColumn() {
            UnsupportedEncryptedQueryException e = refused(CollectionFragments.DefaultFilteredWard.class,
                    Resident.class);
            assertRefusal(e, "collection DefaultFilteredWard.residents", "@FilterDef", "Resident.ssn", QUERY_ADVICE);
        }

        @Test
        void jpaOrderByOnAManyToManyNamingAnEncryptedAttribute() {
            UnsupportedEncryptedQueryException e = refused(CollectionFragments.OrderedClub.class, Resident.class);
            assertRefusal(e, "collection OrderedClub.members", "@OrderBy", "Resident.ssn", SORT_ADVICE);
        }

        @Test
        void sqlRestrictionOnAManyToManyNamingAnEncryptedColumnOfTheTarget() {
            UnsupportedEncryptedQueryException e = refused(CollectionFragments.RestrictedClub.class, Resident.class);
            assertRefusal(e, "collection RestrictedClub.members", "@SQLRestriction", "Resident.ssn", QUERY_ADVICE);
        }

        @Test
        void filterOnAManyToManyNamingAnEncryptedColumnOfTheTarget() {
            UnsupportedEncryptedQueryException e = refused(CollectionFragments.FilteredClub.class, Resident.class);
            assertRefusal(e, "collection FilteredClub.members", "@Filter", "Resident.ssn", QUERY_ADVICE);
        }

        @Test
        void sqlJoinTableRestrictionNamingAnEncryptedColumnOfTheJoinTable() {
            UnsupportedEncryptedQueryException e = refused(CollectionFragments.RestrictedCourse.class,
                    Resident.class, Enrollment.class);
            assertRefusal(e, "collection RestrictedCourse.students", "@SQLJoinTableRestriction", "Enrollment.grade",
                    "filter in memory");
        }

        @Test
        void filterJoinTableNamingAnEncryptedColumnOfTheJoinTable() {
            UnsupportedEncryptedQueryException e = refused(CollectionFragments.FilteredCourse.class, Resident.class,
                    Enrollment.class);
            assertRefusal(e, "collection FilteredCourse.students", "@FilterJoinTable", "Enrollment.grade",
                    "filter in memory");
        }
    }

    @Nested
    class OnElementCollections {
        @Test
        void emptyJpaOrderByOnEncryptedBasicValues() {
            UnsupportedEncryptedQueryException e = refused(ElementCollectionFragments.AliasOrderedPerson.class);
            assertRefusal(e, "collection AliasOrderedPerson.aliases", "@OrderBy", "AliasOrderedPerson.aliases",
                    SORT_ADVICE);
            assertTrue(e.getMessage().contains("names the collection's elements"), e.getMessage());
        }

        @Test
        void sqlOrderNamingTheEncryptedElementColumn() {
            UnsupportedEncryptedQueryException e = refused(ElementCollectionFragments.AliasSqlOrderedPerson.class);
            assertRefusal(e, "collection AliasSqlOrderedPerson.aliases", "@SQLOrder", "AliasSqlOrderedPerson.aliases",
                    SORT_ADVICE);
        }

        @Test
        void sqlRestrictionNamingTheEncryptedElementColumn() {
            UnsupportedEncryptedQueryException e = refused(ElementCollectionFragments.AliasRestrictedPerson.class);
            assertRefusal(e, "collection AliasRestrictedPerson.aliases", "@SQLRestriction",
                    "AliasRestrictedPerson.aliases", QUERY_ADVICE);
            assertFalse(e.getMessage().contains("unknown"), "the fragment's literal stays out of the message");
        }

        @Test
        void filterNamingTheEncryptedElementColumn() {
            UnsupportedEncryptedQueryException e = refused(ElementCollectionFragments.AliasFilteredPerson.class);
            assertRefusal(e, "collection AliasFilteredPerson.aliases", "@Filter", "AliasFilteredPerson.aliases",
                    QUERY_ADVICE);
        }
    }
}
