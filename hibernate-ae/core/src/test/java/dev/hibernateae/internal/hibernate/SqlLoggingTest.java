package dev.hibernateae.internal.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.internal.hibernate.model.Address;
import dev.hibernateae.internal.hibernate.model.Patient;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** With Hibernate's SQL, bind and extract logging at TRACE, no plaintext of an encrypted attribute is logged. */
class SqlLoggingTest {
    private static final String[] LOGGERS = {"org.hibernate.SQL", "org.hibernate.orm.jdbc.bind", "org.hibernate.orm.jdbc.extract"};
    private static final String SSN = "SNT-51-8841";
    private static final String ZIP = "ZQ7781";
    private static final String ALIAS = "AliasSentinel";
    private static final String PLAIN = "PlainLogControl";

    @Test
    void sqlAndBindLoggingShowCiphertextOnly() {
        StringBuilder log = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                log.append(record.getMessage()).append(' ');
                if (record.getParameters() != null) {
                    for (Object p : record.getParameters()) {
                        log.append(p).append(' ');
                    }
                }
                log.append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger[] loggers = new Logger[LOGGERS.length];
        for (int i = 0; i < LOGGERS.length; i++) {
            loggers[i] = Logger.getLogger(LOGGERS[i]);
            loggers[i].setLevel(Level.ALL);
            loggers[i].addHandler(capture);
        }
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, StaticKeyRing.withRandomKeys("cek1", "cek2"),
                        Map.of("hibernate.show_sql", "false"), Patient.class)) {
            sf.inTransaction(s -> {
                Patient p = new Patient(SSN, LocalDate.of(1977, 7, 7), PLAIN);
                p.address = new Address(ZIP, "Logtown");
                p.aliases.add(ALIAS);
                s.persist(p);
            });
            List<Patient> byParameter = sf.fromTransaction(s -> s.createSelectionQuery(
                    "from Patient where ssn = :ssn and lastName = :plain", Patient.class)
                    .setParameter("ssn", SSN).setParameter("plain", PLAIN).getResultList());
            assertEquals(1, byParameter.size());
            List<Patient> byLiteral = sf.fromTransaction(s -> s.createSelectionQuery(
                    "from Patient where ssn = '" + SSN + "' and address.zip = '" + ZIP + "'", Patient.class).getResultList());
            assertEquals(1, byLiteral.size());
            sf.inTransaction(s -> s.createMutationQuery("update Patient set ssn = :ssn where ssn = :ssn")
                    .setParameter("ssn", SSN).executeUpdate());
        } finally {
            for (Logger logger : loggers) {
                logger.removeHandler(capture);
                logger.setLevel(null);
            }
        }
        String text = log.toString();
        assertTrue(text.contains("insert into patient"), "control: SQL was logged");
        assertTrue(text.contains(PLAIN), "control: bind values were logged");
        for (String secret : new String[] {SSN, ZIP, ALIAS, "1977-07-07"}) {
            assertFalse(text.contains(secret), "plaintext of an encrypted attribute in the log");
        }
    }
}
