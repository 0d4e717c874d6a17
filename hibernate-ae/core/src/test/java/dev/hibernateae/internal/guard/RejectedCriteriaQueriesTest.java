package dev.hibernateae.internal.guard;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.guard.model.Badge;
import dev.hibernateae.internal.guard.model.Clinic;
import dev.hibernateae.internal.guard.model.Person;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.query.SemanticException;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guard's rules for Criteria queries, which never pass through the HQL reader: they are checked when Hibernate
 * translates them (or, for bulk statements on multi-table entities, before its multi-table strategy runs them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RejectedCriteriaQueriesTest {
    private static final String SSN = "111-11-1111";
    private GuardedPeople people;

    @BeforeAll
    void open() {
        people = GuardedPeople.open(java.util.Map.of(), Badge.class);
    }

    @AfterAll
    void close() {
        people.close();
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                refused("less-than", "Person.ssn", "<", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Person.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.where(cb.lessThan(p.get("ssn"), SSN))).getResultList();
                }),
                refused("greater-or-equal through an embeddable", "Person.home.zip", ">=", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Person.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.where(cb.greaterThanOrEqualTo(p.get("home").get("zip"), "1"))).getResultList();
                }),
                refused("between", "Person.ssn", "BETWEEN", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Person.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.where(cb.between(p.get("ssn"), "1", "2"))).getResultList();
                }),
                refused("order by", "Person.ssn", "ORDER BY", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Person.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.orderBy(cb.asc(p.get("ssn")))).getResultList();
                }),
                refused("order by a treated subclass attribute", "Vip.code", "ORDER BY", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Person.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.orderBy(cb.desc(cb.treat(p, dev.hibernateae.internal.guard.model.Vip.class)
                            .get("code")))).getResultList();
                }),
                refused("group by a randomized attribute", "Person.note", "GROUP BY", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Long.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.select(cb.count(p)).groupBy(p.get("note"))).getResultList();
                }),
                refused("sum", "Person.mrn", "sum()", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Integer.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.select(cb.sum(p.<Integer>get("mrn")))).getResultList();
                }),
                refused("arithmetic in the select list", "Person.creditLimit", "arithmetic (+)", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Object.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.select(cb.sum(p.<Long>get("creditLimit"), 1L))).getResultList();
                }),
                refused("unary minus", "Person.creditLimit", "arithmetic (unary -)", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Object.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.select(cb.neg(p.<Long>get("creditLimit")))).getResultList();
                }),
                refused("sql() naming an encrypted column in order by", "Person.ssn", "sql()", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Person.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.orderBy(cb.asc(cb.sql("ssn", String.class)))).getResultList();
                }),
                refused("coalesce", "Person.ssn", "coalesce()", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(String.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.select(cb.coalesce(p.<String>get("ssn"), "none"))).getResultList();
                }),
                refused("count distinct a randomized attribute", "Person.note", "count(distinct)", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Long.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.select(cb.countDistinct(p.get("note")))).getResultList();
                }),
                refused("select distinct a randomized attribute", "Person.birthDate", "SELECT DISTINCT", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(LocalDate.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.select(p.get("birthDate")).distinct(true)).getResultList();
                }),
                refused("equality on a randomized attribute", "Person.birthDate", "=", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Person.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.where(cb.equal(p.get("birthDate"), LocalDate.of(1980, 1, 1)))).getResultList();
                }),
                refused("in on a randomized attribute", "Person.note", "IN", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Person.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.where(p.get("note").in("first", "second"))).getResultList();
                }),
                refused("equality with a plain attribute", "Person.ssn", "=", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Person.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.where(cb.equal(p.get("ssn"), p.get("lastName")))).getResultList();
                }),
                refused("equality with an attribute under another key", "Person.ssn", "=", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Person.class);
                    var p = q.from(Person.class);
                    s.createQuery(q.where(cb.equal(p.get("ssn"), p.get("formerSsn")))).getResultList();
                }),
                refused("plain attribute in a subquery of ciphertext", "Clinic.ownerSsn", "IN", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Person.class);
                    var p = q.from(Person.class);
                    var sub = q.subquery(String.class);
                    var c = sub.from(Clinic.class);
                    sub.select(c.get("ownerSsn"));
                    s.createQuery(q.where(p.get("lastName").in(sub))).getResultList();
                }),
                refused("one parameter for an encrypted and a plain attribute", "Person.ssn", "parameter :x", s -> {
                    var cb = s.getCriteriaBuilder();
                    var q = cb.createQuery(Person.class);
                    var p = q.from(Person.class);
                    var x = cb.parameter(String.class, "x");
                    s.createQuery(q.where(cb.or(cb.equal(p.get("ssn"), x), cb.equal(p.get("lastName"), x))))
                            .setParameter("x", SSN).getResultList();
                }),
                refused("update writing ciphertext into a plain attribute", "Person.ssn", "SET", s -> {
                    var cb = s.getCriteriaBuilder();
                    var u = cb.createCriteriaUpdate(Person.class);
                    var p = u.from(Person.class);
                    s.createMutationQuery(u.set(p.<String>get("lastName"), p.<String>get("ssn"))).executeUpdate();
                }),
                refused("delete filtered by an ordering comparison", "Person.mrn", ">", s -> {
                    var cb = s.getCriteriaBuilder();
                    var d = cb.createCriteriaDelete(Person.class);
                    var p = d.from(Person.class);
                    s.createMutationQuery(d.where(cb.gt(p.<Integer>get("mrn"), 1))).executeUpdate();
                }),
                refused("multi-table update writing ciphertext into a plain attribute", "Badge.holderSsn", "SET",
                        s -> {
                            var cb = s.getCriteriaBuilder();
                            var u = cb.createCriteriaUpdate(Badge.class);
                            var b = u.from(Badge.class);
                            s.createMutationQuery(u.set(b.<String>get("label"), b.<String>get("holderSsn")))
                                    .executeUpdate();
                        }),
                refused("multi-table delete filtered by an ordering comparison", "Badge.holderSsn", "<", s -> {
                    var cb = s.getCriteriaBuilder();
                    var d = cb.createCriteriaDelete(Badge.class);
                    var b = d.from(Badge.class);
                    s.createMutationQuery(d.where(cb.lessThan(b.get("holderSsn"), SSN))).executeUpdate();
                }),
                refused("insert selecting plain values into an encrypted attribute with a generated id",
                        "Clinic.ownerSsn", "INSERT ... SELECT", s -> {
                            HibernateCriteriaBuilder cb = s.getCriteriaBuilder();
                            var insert = cb.createCriteriaInsertSelect(Clinic.class);
                            var c = insert.getTarget();
                            insert.setInsertionTargetPaths(c.get("ownerSsn"), c.get("name"));
                            var select = cb.createTupleQuery();
                            var p = select.from(Person.class);
                            select.select(cb.tuple(p.get("lastName"), p.get("lastName")));
                            insert.select(select);
                            s.createMutationQuery(insert).executeUpdate();
                        }));
    }

    private static Arguments refused(String scenario, String attribute, String operation, Consumer<Session> query) {
        return Arguments.of(Named.of(scenario, query), attribute, operation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void refusesWithAnErrorNamingAttributeAndOperation(Consumer<Session> query, String attribute,
            String operation) {
        UnsupportedEncryptedQueryException e = assertThrows(UnsupportedEncryptedQueryException.class,
                () -> people.sessionFactory.inTransaction(query));
        assertAll(
                () -> assertEquals(attribute, e.attribute()),
                () -> assertEquals(operation, e.operation()),
                () -> assertTrue(e.getMessage().contains(attribute + " ("), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(operation), e.getMessage()),
                () -> assertFalse(e.getMessage().contains(SSN), e.getMessage()));
    }

    /**
     * Hibernate's CriteriaBuilder itself refuses LIKE, string functions and min/max on attributes it knows as
     * VARBINARY, before any query exists to guard; either refusal keeps the query from running.
     */
    @Test
    void likeAndStringFunctionsOnAnEncryptedAttributeAreRefusedWhileBuilding() {
        people.sessionFactory.inTransaction(s -> {
            var cb = s.getCriteriaBuilder();
            var p = cb.createQuery(Person.class).from(Person.class);
            assertThrows(SemanticException.class, () -> cb.like(p.get("ssn"), "1%"));
            assertThrows(SemanticException.class, () -> cb.upper(p.get("ssn")));
            assertThrows(SemanticException.class, () -> cb.max(p.<Integer>get("mrn")));
        });
    }
}
