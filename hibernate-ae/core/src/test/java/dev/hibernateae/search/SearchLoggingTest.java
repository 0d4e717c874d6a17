package dev.hibernateae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * With every Hibernate logger at TRACE (SQL, bound parameters, query plans), searches with sentinel values print
 * the sentinels nowhere: the searched value is never rendered or bound, only its tokens are.
 */
class SearchLoggingTest {
    private static final String SENTINEL = "Sntl";

    @Test
    void searchedValuesReachNoLogger() {
        Set<String> printing = new TreeSet<>();
        StringBuilder logged = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String text = new java.util.logging.SimpleFormatter().formatMessage(record);
                logged.append(text).append('\n');
                if (text.toLowerCase(java.util.Locale.ROOT).contains(SENTINEL.toLowerCase(java.util.Locale.ROOT))) {
                    printing.add(record.getLoggerName());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger hibernate = Logger.getLogger("org.hibernate");
        Level saved = hibernate.getLevel();
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, StaticKeyRing.withRandomKeys("cek1", "cek2"),
                        Map.of(), Person.class)) {
            sf.inTransaction(s -> s.persist(new Person("000-00-0000", "Plain", "Town", 5, "n")));
            hibernate.setLevel(Level.ALL);
            hibernate.addHandler(capture);
            sf.inTransaction(s -> {
                s.createSelectionQuery("from Person where lastName like :p", Person.class)
                        .setParameter("p", SENTINEL + "%").getResultList();
                s.createSelectionQuery("from Person where lastName like :p", Person.class)
                        .setParameter("p", "%" + SENTINEL).getResultList();
                s.createSelectionQuery("from Person where upper(city) = upper(:p)", Person.class)
                        .setParameter("p", SENTINEL).getResultList();
                s.createSelectionQuery("from Person where ssn = :p", Person.class)
                        .setParameter("p", SENTINEL + "-ssn").getResultList();
                s.createSelectionQuery("from Person where ssn <> :p", Person.class)
                        .setParameter("p", SENTINEL + "-ssn").getResultList();
            });
        } finally {
            hibernate.removeHandler(capture);
            hibernate.setLevel(saved);
        }
        assertTrue(logged.toString().contains("Person_hae_tokens"), "control: Hibernate logged the searches' SQL");
        assertEquals(Set.of(), printing);
    }
}
