package dev.hibernateae.internal.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.internal.hibernate.model.Address;
import dev.hibernateae.internal.hibernate.model.Patient;
import dev.hibernateae.testing.HibernateLineExpectations;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Which of Hibernate's own loggers print the plaintext of an encrypted attribute, with every Hibernate logger at
 * TRACE: the application holds plaintext, and Hibernate logs what the application holds. README's list of loggers
 * to keep quiet is this test's expectation; when a Hibernate upgrade changes it, this test fails and the list must
 * change with it. Hibernate 6.6 prints entity state with another logger than 7 ({@link HibernateLineExpectations}).
 */
class HibernateLoggersTest {
    private static final String SSN = "SNT-77-4242";

    @Test
    void entityStateIsPrintedByOneLoggerAtDebug() {
        Set<String> printing = loggersPrintingTheSsn(Map.of("hibernate.generate_statistics", "true"), sf -> {
            sf.inTransaction(s -> {
                Patient p = new Patient(SSN, LocalDate.of(1977, 7, 7), "Logan");
                p.address = new Address("12345", "Logtown");
                s.persist(p);
            });
            sf.inTransaction(s -> s.createSelectionQuery("from Patient where ssn = :ssn", Patient.class)
                    .setParameter("ssn", SSN).getResultList().forEach(found -> found.lastName = "Logged"));
            sf.inTransaction(s -> s.createMutationQuery("update Patient set ssn = :ssn where ssn = :ssn")
                    .setParameter("ssn", SSN).executeUpdate());
        });
        assertEquals(Set.of(HibernateLineExpectations.ENTITY_STATE_LOGGER), printing);
    }

    @Test
    void aLiteralInHqlIsPrintedWithTheQueryTextByThePlanCacheLoggerAtTrace() {
        Set<String> printing = loggersPrintingTheSsn(Map.of(), sf -> sf.inTransaction(s -> s.createSelectionQuery(
                "from Patient where ssn = '" + SSN + "'", Patient.class).getResultList()));
        assertEquals(Set.of("org.hibernate.orm.query.plan.cache"), printing);
    }

    /** The names of the loggers under {@code org.hibernate} whose messages contain the SSN while {@code work} runs. */
    private static Set<String> loggersPrintingTheSsn(Map<String, Object> settings, Consumer<SessionFactory> work) {
        Set<String> printing = new TreeSet<>();
        StringBuilder logged = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String text = new java.util.logging.SimpleFormatter().formatMessage(record)
                        + (record.getThrown() != null ? " " + record.getThrown() : "");
                logged.append(text).append('\n');
                if (text.contains(SSN)) {
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
        hibernate.setLevel(Level.ALL);
        hibernate.addHandler(capture);
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, StaticKeyRing.withRandomKeys("cek1", "cek2"),
                        settings, Patient.class)) {
            work.accept(sf);
        } finally {
            hibernate.removeHandler(capture);
            hibernate.setLevel(saved);
        }
        assertTrue(logged.toString().contains("from patient"), "control: Hibernate logged SQL at TRACE");
        return printing;
    }
}
