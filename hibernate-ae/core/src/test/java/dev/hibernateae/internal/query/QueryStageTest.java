package dev.hibernateae.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.guard.model.Badge;
import dev.hibernateae.internal.guard.model.Clinic;
import dev.hibernateae.internal.guard.model.Person;
import dev.hibernateae.internal.guard.model.Vip;
import dev.hibernateae.testing.LogCapture;
import dev.hibernateae.testing.SettingsDroppingRuntime;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * The query stage: every statement is walked by the guard once (an HQL statement when read, never again when
 * Hibernate translates or runs it; anything else when first translated), and a session factory with encrypted
 * attributes does not start without the stage.
 */
class QueryStageTest {
    private static final String SSN = "111-11-1111";
    private static final Pattern CHECKED = Pattern.compile("Checked (\\w+) statement (\\S+) when (\\w+)");
    private static final String DROPPED = "hibernate.query.sqm.translator,hibernate.query.hql.translator";

    @Entity(name = "StageNote")
    @Table(name = "stage_note")
    public static class StageNote {
        @Id
        public Long id;
        public String text;
    }

    private record Walk(String source, String statement, String when) {
    }

    @Test
    void everyStatementIsWalkedOnce() {
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, StaticKeyRing.withRandomKeys("cek1", "cek2"),
                        Map.of(), Person.class, Vip.class, Clinic.class, Badge.class);
                LogCapture log = LogCapture.of(QueryStage.class.getName(), Level.FINEST)) {
            sf.inTransaction(s -> s.persist(new Badge(SSN, "first")));
            Set<String> seen = new HashSet<>();
            String hql = "select p.lastName from Person p where p.ssn = :ssn";

            log.clear();
            runHql(sf, hql);
            assertEquals(List.of("HQL when read"), walks(log, seen));
            runHql(sf, hql);
            runHql(sf, hql);
            assertEquals(List.of(), walks(log, seen), "an HQL statement read once is not walked again");

            sf.inTransaction(s -> {
                var cb = s.getCriteriaBuilder();
                var q = cb.createQuery(String.class);
                var p = q.from(Person.class);
                s.createQuery(q.select(p.get("lastName")).where(cb.equal(p.get("ssn"), SSN))).getResultList();
            });
            assertEquals(List.of("CRITERIA when translated"), walks(log, seen));

            int updated = sf.fromTransaction(s -> s.createMutationQuery(
                    "update Badge b set b.label = 'second' where b.holderSsn = :ssn").setParameter("ssn", SSN)
                    .executeUpdate());
            assertEquals(1, updated);
            List<String> multiTable = walks(log, seen);
            assertEquals("HQL when read", multiTable.get(0), multiTable::toString);
            assertTrue(multiTable.stream().skip(1).noneMatch(w -> w.startsWith("HQL")), multiTable::toString);

            int criteriaUpdated = sf.fromTransaction(s -> {
                var cb = s.getCriteriaBuilder();
                var u = cb.createCriteriaUpdate(Badge.class);
                var b = u.from(Badge.class);
                u.set(b.<String>get("label"), "third").where(cb.equal(b.get("holderSsn"), SSN));
                return s.createMutationQuery(u).executeUpdate();
            });
            assertEquals(1, criteriaUpdated);
            List<String> criteriaMultiTable = walks(log, seen);
            assertEquals("CRITERIA when translated", criteriaMultiTable.get(0), criteriaMultiTable::toString);
        }
    }

    @Test
    void aSessionFactoryWithEncryptedAttributesDoesNotStartWithoutTheStage() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            AlwaysEncryptedException e = assertThrows(AlwaysEncryptedException.class, () -> TestSessionFactories.build(
                    db, StaticKeyRing.withRandomKeys("cek1", "cek2"), Map.of(SettingsDroppingRuntime.DROP, DROPPED),
                    Person.class, Vip.class, Clinic.class).close());
            String message = e.getMessage();
            assertTrue(message.contains("hibernate.query.sqm.translator=" + QueryStageFactory.class.getName())
                    && message.contains("hibernate.query.hql.translator=" + HqlReader.class.getName())
                    && message.contains("does not start"), message);
        }
    }

    @Test
    void withoutEncryptedAttributesAMissingStageIsNoObstacle() {
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, null, Map.of(SettingsDroppingRuntime.DROP,
                        DROPPED), StageNote.class)) {
            assertEquals(List.of(), sf.fromTransaction(s -> s.createSelectionQuery(
                    "select n.text from StageNote n order by upper(n.text)", String.class).getResultList()));
        }
    }

    private static void runHql(SessionFactory sf, String hql) {
        sf.inTransaction(s -> s.createSelectionQuery(hql, String.class).setParameter("ssn", SSN).getResultList());
    }

    /** The walks logged since the last call, as "SOURCE when PHASE"; fails if a statement is walked twice. */
    private static List<String> walks(LogCapture log, Set<String> seen) {
        List<String> walks = log.messages().stream().map(CHECKED::matcher).filter(Matcher::find)
                .map(m -> new Walk(m.group(1), m.group(2), m.group(3))).peek(w -> assertTrue(seen.add(w.statement()),
                        () -> "statement " + w.statement() + " walked twice: " + log.messages()))
                .map(w -> w.source() + " when " + w.when()).toList();
        log.clear();
        return walks;
    }
}
