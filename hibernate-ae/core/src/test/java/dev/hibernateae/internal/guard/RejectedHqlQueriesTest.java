package dev.hibernateae.internal.guard;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.query.MutationQuery;
import org.hibernate.query.SelectionQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the guard fires for HQL/JPQL, through the real execution path, with an error that names the
 * attribute and the operation and never a value. One scenario per row; the row's name says what is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RejectedHqlQueriesTest {
    private static final String SSN = "111-11-1111";
    private GuardedPeople people;

    @BeforeAll
    void open() {
        people = GuardedPeople.open();
    }

    @AfterAll
    void close() {
        people.close();
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                // ordering
                refused("less-than on a deterministic attribute", "from Person p where p.ssn < :x",
                        "Person.ssn", "<", "x", SSN),
                refused("less-or-equal", "from Person p where p.ssn <= :x", "Person.ssn", "<=", "x", SSN),
                refused("greater-than", "from Person p where p.ssn > :x", "Person.ssn", ">", "x", SSN),
                refused("greater-or-equal with a literal", "from Person p where p.mrn >= 2", "Person.mrn", ">="),
                refused("between", "from Person p where p.ssn between :a and :b", "Person.ssn", "BETWEEN",
                        "a", SSN, "b", SSN),
                refused("between on a randomized date", "from Person p where p.birthDate between :a and :b",
                        "Person.birthDate", "BETWEEN", "a", LocalDate.of(1970, 1, 1), "b", LocalDate.of(1990, 1, 1)),
                refused("order by", "from Person p order by p.ssn", "Person.ssn", "ORDER BY"),
                refused("order by an embeddable holding an encrypted attribute", "from Person p order by p.home",
                        "Person.home.zip", "ORDER BY"),
                refused("order by a selection alias", "select p.ssn as s from Person p order by s", "Person.ssn",
                        "ORDER BY"),
                refused("order by a selection position", "select p.lastName, p.mrn from Person p order by 2",
                        "Person.mrn", "ORDER BY"),
                refused("order by inside a window", "select row_number() over (order by p.ssn) from Person p",
                        "Person.ssn", "ORDER BY (window)"),
                refused("ordering comparison on a derived table's column",
                        "select d.s from (select p.ssn as s from Person p) d where d.s > '2'", "Person.ssn", ">"),
                refused("min", "select min(p.ssn) from Person p", "Person.ssn", "min()"),
                refused("maxelement of an encrypted collection", "select maxelement(p.aliases) from Person p",
                        "Person.aliases", "max()"),
                refused("max(elements()) of an encrypted collection",
                        "select max(elements(p.aliases)) from Person p", "Person.aliases", "max()"),
                refused("minelement of a randomized collection", "select minelement(p.secrets) from Person p",
                        "Person.secrets", "min()"),
                refused("maxelement compared with a parameter", "from Person p where maxelement(p.aliases) = :x",
                        "Person.aliases", "max()", "x", SSN),
                refused("max in a subquery compared with equality",
                        "from Person p where p.ssn = (select max(q.ssn) from Person q)", "Person.ssn", "max()"),
                // content
                refused("like", "from Person p where p.ssn like :x", "Person.ssn", "LIKE", "x", "111%"),
                refused("not like", "from Person p where p.ssn not like '1%'", "Person.ssn", "LIKE"),
                refused("ilike", "from Person p where p.ssn ilike '1%'", "Person.ssn", "ILIKE"),
                refused("like on an embeddable attribute", "from Person p where p.home.zip like '12%'",
                        "Person.home.zip", "LIKE"),
                refused("like on a treated subclass attribute",
                        "from Person p where treat(p as Vip).code like 'G%'", "Vip.code", "LIKE"),
                refused("like through an association", "from Person p where p.clinic.ownerSsn like '2%'",
                        "Clinic.ownerSsn", "LIKE"),
                refused("upper", "from Person p where upper(p.ssn) = :x", "Person.ssn", "upper()", "x", SSN),
                refused("lower in the select list", "select lower(p.ssn) from Person p", "Person.ssn", "lower()"),
                refused("length", "from Person p where length(p.ssn) = 11", "Person.ssn", "length()"),
                refused("substring", "from Person p where substring(p.ssn, 1, 3) = '111'", "Person.ssn",
                        "substring()"),
                refused("concatenation", "select p.ssn || '-x' from Person p", "Person.ssn", "concat()"),
                refused("trim", "from Person p where trim(p.ssn) = :x", "Person.ssn", "trim()", "x", SSN),
                refused("coalesce", "select coalesce(p.ssn, 'none') from Person p", "Person.ssn", "coalesce()"),
                refused("a function over a subquery selecting ciphertext",
                        "from Person p where upper((select q.ssn from Person q where q.id = p.id)) = 'X'",
                        "Person.ssn", "upper()"),
                // computation
                refused("sum", "select sum(p.mrn) from Person p", "Person.mrn", "sum()"),
                refused("avg", "select avg(p.mrn) from Person p", "Person.mrn", "avg()"),
                refused("arithmetic", "from Person p where p.mrn + 1 = :x", "Person.mrn", "arithmetic (+)",
                        "x", 2),
                refused("unary minus", "select -p.mrn from Person p", "Person.mrn", "arithmetic (unary -)"),
                refused("a boolean attribute used as a condition", "from Person p where p.active", "Person.active",
                        "a boolean condition"),
                refused("a CASE mixing ciphertext with plain values",
                        "select case when p.age > 1 then p.ssn else p.lastName end from Person p", "Person.ssn",
                        "CASE"),
                refused("a simple CASE on an encrypted attribute",
                        "select case p.ssn when '111-11-1111' then 1 else 0 end from Person p", "Person.ssn",
                        "CASE"),
                refused("a row-value comparison", "from Person p where (p.ssn, p.lastName) = (:a, :b)",
                        "Person.ssn", "a row value (tuple)", "a", SSN, "b", "Doe"),
                // randomized
                refused("equality on a randomized attribute", "from Person p where p.birthDate = :d",
                        "Person.birthDate", "=", "d", LocalDate.of(1980, 1, 1)),
                refused("inequality on a randomized attribute", "from Person p where p.note <> 'first'",
                        "Person.note", "<>"),
                refused("in on a randomized attribute", "from Person p where p.note in (:a)", "Person.note", "IN",
                        "a", "first"),
                refused("group by a randomized attribute", "select p.note, count(p) from Person p group by p.note",
                        "Person.note", "GROUP BY"),
                refused("select distinct a randomized attribute", "select distinct p.birthDate from Person p",
                        "Person.birthDate", "SELECT DISTINCT"),
                refused("count distinct a randomized attribute", "select count(distinct p.note) from Person p",
                        "Person.note", "count(distinct)"),
                // mixing
                refused("equality with a plain attribute", "from Person p where p.ssn = p.lastName", "Person.ssn",
                        "="),
                refused("equality with a function result", "from Person p where p.ssn = concat(:a, :b)",
                        "Person.ssn", "=", "a", "111", "b", "-11-1111"),
                refused("equality with an attribute under another key", "from Person p where p.ssn = p.formerSsn",
                        "Person.ssn", "="),
                refused("equality with an attribute in another string encoding",
                        "from Person p where p.ssn = p.email", "Person.ssn", "="),
                refused("equality with a randomized attribute", "from Person p where p.ssn = p.note", "Person.note",
                        "="),
                refused("join on attributes under different keys",
                        "select p from Person p join Clinic c on c.ownerSsn = p.formerSsn", "Clinic.ownerSsn", "="),
                refused("plain attribute in a subquery of ciphertext",
                        "from Person p where p.lastName in (select c.ownerSsn from Clinic c)", "Clinic.ownerSsn",
                        "IN (subquery)"),
                refused("encrypted attribute in a subquery of plain values",
                        "from Person p where p.ssn in (select c.name from Clinic c)", "Person.ssn", "IN (subquery)"),
                refused("in list mixing a literal with a plain attribute",
                        "from Person p where p.ssn in ('111-11-1111', p.lastName)", "Person.ssn", "IN"),
                refused("one parameter for an encrypted and a plain attribute",
                        "from Person p where p.ssn = :x or p.lastName = :x", "Person.ssn", "parameter :x", "x", SSN),
                refused("one parameter for attributes under different keys",
                        "from Person p where p.ssn = :x or p.formerSsn = :x", "Person.ssn", "parameter :x", "x", SSN),
                refused("union of ciphertext with plain values",
                        "select p.ssn from Person p union select p.lastName from Person p", "Person.ssn", "UNION"),
                refused("union of a randomized attribute",
                        "select p.note from Person p union select p.note from Person p", "Person.note", "UNION"),
                // raw columns, which bypass encryption
                refused("column() compared with a parameter", "from Person p where column(p.ssn as String) = :x",
                        "Person.active", "column()", "x", SSN),
                refused("column() in order by", "from Person p order by column(p.ssn as String)", "Person.active",
                        "column()"),
                refused("column() with like", "from Person p where column(p.ssn as String) like :x",
                        "Person.active", "column()", "x", "111%"),
                refused("column() of a subclass row", "select column(v.code as String) from Vip v",
                        "Person.active", "column()"),
                refused("sql() naming an encrypted column in order by", "from Person p order by sql('ssn')",
                        "Person.ssn", "sql()"),
                refused("sql() naming an encrypted column in the select list",
                        "select sql('upper(formerSsn)') from Person p", "Person.formerSsn", "sql()"),
                refused("sql() naming an encrypted collection's column", "select sql('alias') from Person p",
                        "Person.aliases", "sql()"),
                // numeric literals that would need rounding
                refused("a decimal literal compared with an encrypted Long",
                        "from Person p where p.creditLimit = 10000.5", "Person.creditLimit", "a numeric literal"),
                refused("a decimal literal assigned to an encrypted Long",
                        "update Person p set p.creditLimit = 0.5", "Person.creditLimit", "a numeric literal"),
                refused("a literal beyond an encrypted Integer's range", "from Person p where p.mrn = 3000000000",
                        "Person.mrn", "a numeric literal"),
                // writes
                refused("update writing ciphertext into a plain attribute", "update Person p set p.lastName = p.ssn",
                        "Person.ssn", "SET"),
                refused("update writing a plain attribute into an encrypted one",
                        "update Person p set p.ssn = p.lastName", "Person.ssn", "SET"),
                refused("update writing a function result into an encrypted attribute",
                        "update Person p set p.ssn = upper(:x)", "Person.ssn", "SET", "x", SSN),
                refused("update copying between keys", "update Person p set p.ssn = p.formerSsn", "Person.ssn",
                        "SET"),
                refused("update filtered by like", "update Person p set p.age = 1 where p.ssn like '1%'",
                        "Person.ssn", "LIKE"),
                refused("delete filtered by an ordering comparison", "delete from Person p where p.mrn < 2",
                        "Person.mrn", "<"),
                refused("insert selecting plain values into an encrypted attribute",
                        "insert into Clinic (ownerSsn, name) select p.lastName, p.lastName from Person p",
                        "Clinic.ownerSsn", "INSERT ... SELECT"),
                refused("insert of a function result into an encrypted attribute",
                        "insert into Clinic (ownerSsn, name) values (upper(:x), 'X')", "Clinic.ownerSsn", "INSERT",
                        "x", SSN));
    }

    private static Arguments refused(String scenario, String hql, String attribute, String operation,
            Object... parameters) {
        return Arguments.of(Named.of(scenario, hql), attribute, operation, List.of(parameters));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void refusesWithAnErrorNamingAttributeAndOperation(String hql, String attribute, String operation,
            List<Object> parameters) {
        UnsupportedEncryptedQueryException e = assertThrows(UnsupportedEncryptedQueryException.class,
                () -> people.sessionFactory.inTransaction(s -> {
                    boolean mutation = hql.matches("(?is)^\\s*(update|delete|insert)\\b.*");
                    if (mutation) {
                        MutationQuery query = s.createMutationQuery(hql);
                        bind(parameters, query::setParameter);
                        query.executeUpdate();
                    } else {
                        SelectionQuery<?> query = s.createSelectionQuery(hql, Object.class);
                        bind(parameters, query::setParameter);
                        query.getResultList();
                    }
                }));
        assertAll(
                () -> assertEquals(attribute, e.attribute()),
                () -> assertEquals(operation, e.operation()),
                () -> assertTrue(e.getMessage().contains(attribute), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(operation), e.getMessage()),
                () -> assertNoValues(e.getMessage(), parameters));
    }

    private static void bind(List<Object> parameters, java.util.function.BiConsumer<String, Object> binder) {
        for (int i = 0; i < parameters.size(); i += 2) {
            binder.accept((String) parameters.get(i), parameters.get(i + 1));
        }
    }

    private static void assertNoValues(String message, List<Object> parameters) {
        for (String value : List.of(SSN, "111-11", "GOLD", "first", "Springfield", "12345", "10000.5", "3000000000")) {
            assertFalse(message.contains(value), () -> "message contains a value: " + message);
        }
        for (int i = 1; i < parameters.size(); i += 2) {
            String value = String.valueOf(parameters.get(i));
            assertFalse(message.contains(value), () -> "message contains a value: " + message);
        }
    }
}
