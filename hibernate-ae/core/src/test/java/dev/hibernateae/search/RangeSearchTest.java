package dev.hibernateae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.api.UnsupportedPlaintextException;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Range search's edges: literals, values outside the declared domain, and what stays refused. */
class RangeSearchTest {
    private static TestDatabase.Instance db;
    private static SessionFactory sessionFactory;

    @BeforeAll
    static void start() {
        db = TestDatabase.H2.create();
        sessionFactory = TestSessionFactories.build(db, StaticKeyRing.withRandomKeys("cek1"), Map.of(),
                Measurement.class);
        sessionFactory.inTransaction(s -> {
            for (int score = -3; score <= 3; score++) {
                Measurement m = new Measurement();
                m.score = score;
                m.amount = (long) score * 1_000_000_000_000L;
                m.price = BigDecimal.valueOf(score * 150, 2);
                s.persist(m);
            }
        });
    }

    @AfterAll
    static void stop() {
        if (sessionFactory != null) {
            sessionFactory.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static long count(String where) {
        return sessionFactory.fromTransaction(s -> s.createSelectionQuery("select count(*) from Measurement m where "
                + where, Long.class).getSingleResult());
    }

    @Test
    void literalsOfAnotherNumericTypeAreConvertedWhenNoDigitIsLost() {
        assertEquals(3, count("m.score < 0"));
        assertEquals(4, count("m.amount >= 0"), "an Integer literal on a Long");
        assertEquals(2, count("m.price > 1.5"), "4.50 and 3.00 ... > 1.50: 3.00 and 4.50");
        assertEquals(7, count("m.score between -1000 and 1000"));
        assertEquals(0, count("m.score > 5000"), "beyond the declared domain: nothing");
        assertEquals(7, count("m.score > -5000"));
    }

    @Test
    void aValueOutsideTheDeclaredDomainIsRefusedWithoutTheValue() {
        UnsupportedPlaintextException e = assertThrows(UnsupportedPlaintextException.class,
                () -> sessionFactory.inTransaction(s -> {
                    Measurement m = new Measurement();
                    m.score = 4242;
                    s.persist(m);
                }));
        assertTrue(e.getMessage().contains("Measurement.score") && e.getMessage().contains("@RangeSearch"),
                e.getMessage());
        assertFalse(e.getMessage().contains("4242"), e.getMessage());
        UnsupportedPlaintextException finer = assertThrows(UnsupportedPlaintextException.class,
                () -> sessionFactory.inTransaction(s -> {
                    Measurement m = new Measurement();
                    m.stamp = LocalDateTime.of(2020, 1, 1, 0, 0, 0, 500_000_000);
                    s.persist(m);
                }));
        assertTrue(finer.getMessage().contains("Measurement.stamp"), finer.getMessage());
    }

    @Test
    void orderingMinMaxAndComparisonsWithColumnsStayRefused() {
        for (String hql : List.of("select m.id from Measurement m order by m.score",
                "select max(m.score) from Measurement m", "select m.id from Measurement m where m.score < m.grade",
                "select m.id from Measurement m where m.score + 1 < 3")) {
            assertThrows(UnsupportedEncryptedQueryException.class, () -> sessionFactory.inTransaction(s ->
                    s.createSelectionQuery(hql, Object.class).getResultList()), hql);
        }
    }
}
