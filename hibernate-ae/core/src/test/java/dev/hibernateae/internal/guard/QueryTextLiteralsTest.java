package dev.hibernateae.internal.guard;

import static dev.hibernateae.internal.guard.GuardedPeople.DOE_SSN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.guard.model.Person;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A literal compared with or assigned to an encrypted attribute is encrypted like a parameter, but the query text
 * that holds it goes where the settings send it: with {@code hibernate.use_sql_comments} to the database, with
 * statistics into Hibernate's statistics. There such literals are refused; parameters and Criteria are not, and the
 * database never sees a plaintext.
 */
class QueryTextLiteralsTest {
    private static final String LITERAL_QUERY = "select p.lastName from Person p where p.ssn = '" + DOE_SSN + "'";

    /** Every SQL string Hibernate sends, comments included. */
    public static final class SentSql implements StatementInspector {
        static final List<String> SENT = new CopyOnWriteArrayList<>();

        @Override
        public String inspect(String sql) {
            SENT.add(sql);
            return sql;
        }
    }

    @Test
    void withSqlCommentsALiteralOnAnEncryptedAttributeIsRefusedAndTheDatabaseSeesNoPlaintext() {
        SentSql.SENT.clear();
        try (GuardedPeople people = GuardedPeople.open(Map.of("hibernate.use_sql_comments", "true",
                "hibernate.session_factory.statement_inspector", SentSql.class.getName()))) {
            UnsupportedEncryptedQueryException refused = assertThrows(UnsupportedEncryptedQueryException.class,
                    () -> lastNames(people, LITERAL_QUERY));
            assertEquals("Person.ssn", refused.attribute());
            assertTrue(refused.getMessage().contains("hibernate.use_sql_comments"), refused.getMessage());
            assertFalse(refused.getMessage().contains(DOE_SSN), refused.getMessage());
            assertThrows(UnsupportedEncryptedQueryException.class, () -> people.sessionFactory.inTransaction(s -> s
                    .createMutationQuery("update Person p set p.lastName = 'X' where p.ssn in ('" + DOE_SSN + "')")
                    .executeUpdate()));
            assertThrows(UnsupportedEncryptedQueryException.class, () -> people.sessionFactory.inTransaction(s -> s
                    .createMutationQuery("update Person p set p.ssn = '" + DOE_SSN + "' where p.lastName = 'Doe'")
                    .executeUpdate()));

            assertEquals(List.of("Doe"), people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                    "select p.lastName from Person p where p.ssn = :ssn", String.class).setParameter("ssn", DOE_SSN)
                    .getResultList()));
            assertEquals(List.of("Doe"), people.sessionFactory.fromTransaction(s -> {
                var cb = s.getCriteriaBuilder();
                var q = cb.createQuery(String.class);
                var p = q.from(Person.class);
                return s.createQuery(q.select(p.get("lastName")).where(cb.equal(p.get("ssn"), cb.literal(DOE_SSN))))
                        .getResultList();
            }));
            assertTrue(SentSql.SENT.stream().anyMatch(sql -> sql.contains("/*") && sql.contains(":ssn")),
                    "comments are on: " + SentSql.SENT);
            assertTrue(SentSql.SENT.stream().noneMatch(sql -> sql.contains(DOE_SSN)), SentSql.SENT::toString);
        }
    }

    @Test
    void withStatisticsALiteralOnAnEncryptedAttributeIsRefusedAndTheStatisticsHoldNoPlaintext() {
        try (GuardedPeople people = GuardedPeople.open(Map.of("hibernate.generate_statistics", "true"))) {
            UnsupportedEncryptedQueryException refused = assertThrows(UnsupportedEncryptedQueryException.class,
                    () -> lastNames(people, LITERAL_QUERY));
            assertTrue(refused.getMessage().contains("hibernate.generate_statistics"), refused.getMessage());
            people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                    "select p.lastName from Person p where p.ssn = :ssn", String.class).setParameter("ssn", DOE_SSN)
                    .getResultList());
            Statistics statistics = people.sessionFactory.getStatistics();
            assertTrue(statistics.getQueries().length > 0);
            for (String query : statistics.getQueries()) {
                assertFalse(query.contains(DOE_SSN), query);
            }
        }
    }

    @Test
    void statisticsTurnedOnAtRuntimeRefuseLiteralsFromThenOn() {
        try (GuardedPeople people = GuardedPeople.open()) {
            assertEquals(List.of("Doe"), lastNames(people, LITERAL_QUERY));
            people.sessionFactory.getStatistics().setStatisticsEnabled(true);
            assertThrows(UnsupportedEncryptedQueryException.class, () -> lastNames(people,
                    "select p.lastName from Person p where p.ssn = '" + GuardedPeople.ROE_SSN + "'"));
        }
    }

    @Test
    void withoutThemLiteralsAreEncryptedAndTheDatabaseSeesOnlyCiphertext() {
        SentSql.SENT.clear();
        try (GuardedPeople people = GuardedPeople.open(Map.of("hibernate.session_factory.statement_inspector",
                SentSql.class.getName()))) {
            assertEquals(List.of("Doe"), lastNames(people, LITERAL_QUERY));
            assertTrue(SentSql.SENT.stream().noneMatch(sql -> sql.contains(DOE_SSN)), SentSql.SENT::toString);
        }
    }

    private static List<String> lastNames(GuardedPeople people, String hql) {
        return people.sessionFactory.fromTransaction(s -> s.createSelectionQuery(hql, String.class).getResultList());
    }
}
