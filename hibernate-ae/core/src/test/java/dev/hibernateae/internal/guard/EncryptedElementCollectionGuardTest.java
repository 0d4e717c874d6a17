package dev.hibernateae.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.guard.model.Person;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.query.SemanticException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The guard on encrypted element collections, reached through joins, correlated subqueries and MEMBER OF. Hibernate
 * types such elements as their plain Java type in the query model, so it refuses nothing here itself: only the
 * guard stands between these queries and wrong results.
 *
 * <p>These tests need the elements to be encrypted, which they are not yet (see {@link #open()}); they skip with a
 * message until then and run by themselves once the binder encrypts elements.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncryptedElementCollectionGuardTest {
    private GuardedPeople people;
    private boolean elementsEncrypted;

    @BeforeAll
    void open() {
        people = GuardedPeople.open();
        var factory = (SessionFactoryImplementor) people.sessionFactory;
        var aliases = (PluralAttributeMapping) factory.getMappingMetamodel().getEntityDescriptor(Person.class)
                .findSubPart("aliases", null);
        elementsEncrypted = aliases.getElementDescriptor() instanceof BasicValuedModelPart element
                && EncryptedValues.converterOf(element.getJdbcMapping()) != null;
    }

    @BeforeEach
    void requireEncryptedElements() {
        Assumptions.assumeTrue(elementsEncrypted, "Element collections are not encrypted yet: "
                + "EncryptedAttributeBinder sets the converter after Hibernate resolved the element's type, so "
                + "Person.aliases is stored as plain VARCHAR; these guard tests run once elements are encrypted");
    }

    @AfterAll
    void close() {
        people.close();
    }

    private UnsupportedEncryptedQueryException refused(String hql) {
        return assertThrows(UnsupportedEncryptedQueryException.class, () -> people.sessionFactory.inTransaction(
                s -> s.createSelectionQuery(hql, Object.class).getResultList()));
    }

    private static void assertNames(UnsupportedEncryptedQueryException e, String attribute, String operation) {
        assertEquals(attribute, e.attribute(), e.getMessage());
        assertEquals(operation, e.operation(), e.getMessage());
    }

    @Test
    void likeOnAJoinedElementIsRefused() {
        assertNames(refused("select p from Person p join p.aliases a where a like 'J%'"), "Person.aliases", "LIKE");
    }

    @Test
    void functionOnAJoinedElementIsRefused() {
        assertNames(refused("select upper(a) from Person p join p.aliases a"), "Person.aliases", "upper()");
    }

    @Test
    void orderByAJoinedElementIsRefused() {
        assertNames(refused("select a from Person p join p.aliases a order by a"), "Person.aliases", "ORDER BY");
    }

    @Test
    void likeOnAnElementInACorrelatedSubqueryIsRefused() {
        assertNames(refused("select p from Person p where exists (select 1 from p.aliases a where a like 'J%')"),
                "Person.aliases", "LIKE");
    }

    @Test
    void equalityOnARandomizedElementIsRefused() {
        assertNames(refused("select p from Person p join p.secrets s where s = 's1'"), "Person.secrets", "=");
    }

    @Test
    void memberOfARandomizedCollectionIsRefused() {
        assertNames(refused("select p from Person p where 's1' member of p.secrets"), "Person.secrets", "MEMBER OF");
    }

    /** Hibernate's CriteriaBuilder may refuse this itself while building (the element is VARBINARY to it). */
    @Test
    void criteriaLikeOnAJoinedElementIsRefused() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> people.sessionFactory.inTransaction(s -> {
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(Person.class);
            var p = q.from(Person.class);
            q.where(cb.like(p.<Person, String>join("aliases"), "J%"));
            s.createQuery(q).getResultList();
        }));
        if (e instanceof UnsupportedEncryptedQueryException guarded) {
            assertNames(guarded, "Person.aliases", "LIKE");
        } else {
            assertInstanceOf(SemanticException.class, e);
        }
    }
}
