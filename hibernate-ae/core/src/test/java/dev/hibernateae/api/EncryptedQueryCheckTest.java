package dev.hibernateae.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.internal.guard.model.Clinic;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public query check judges query strings as the guard judges created queries, and only where it must. */
class EncryptedQueryCheckTest {
    private static final String SECRET_LITERAL = "987-65-4321";

    private static TestDatabase.Instance db;
    private static SessionFactory sessionFactory;

    @Entity(name = "CheckedPlainNote")
    @Table(name = "check_plain_note")
    public static class PlainNote {
        @Id
        public Long id;
        public String text;
    }

    @BeforeAll
    static void open() {
        db = TestDatabase.H2.create();
        sessionFactory = TestSessionFactories.build(db, StaticKeyRing.withRandomKeys("cek1"), Clinic.class);
    }

    @AfterAll
    static void close() {
        sessionFactory.close();
        db.close();
    }

    private static EncryptedQueryCheck check() {
        return EncryptedQueryCheck.of(sessionFactory).orElseThrow();
    }

    @Test
    void queriesTheDatabaseCanAnswerOnCiphertextPass() {
        assertDoesNotThrow(() -> check().check("select c.name from Clinic c where c.ownerSsn = :ssn"));
        assertDoesNotThrow(() -> check().check("select c from Clinic c where c.ownerSsn in (?1, ?2) order by c.name"));
        assertDoesNotThrow(() -> check().check("update Clinic c set c.ownerSsn = :ssn where c.name = :name"));
    }

    @Test
    void aRefusalNamesTheAttributeAndTheOperationButNotTheQuery() {
        UnsupportedEncryptedQueryException refused = assertThrows(UnsupportedEncryptedQueryException.class,
                () -> check().check("select c from Clinic c where c.ownerSsn like '" + SECRET_LITERAL + "%'"));
        assertEquals("Clinic.ownerSsn", refused.attribute());
        assertEquals("LIKE", refused.operation());
        assertFalse(refused.getMessage().contains(SECRET_LITERAL), refused.getMessage());
    }

    @Test
    void orderingByAnEncryptedAttributeIsRefused() {
        UnsupportedEncryptedQueryException refused = assertThrows(UnsupportedEncryptedQueryException.class,
                () -> check().check("select c from Clinic c order by c.ownerSsn"));
        assertEquals("Clinic.ownerSsn", refused.attribute());
    }

    @Test
    void aQueryHibernateCannotReadFailsWithHibernatesException() {
        RuntimeException unreadable = assertThrows(RuntimeException.class,
                () -> check().check("select c from NoSuchEntity c"));
        assertFalse(unreadable instanceof UnsupportedEncryptedQueryException, unreadable.toString());
        assertThrows(NullPointerException.class, () -> check().check(null));
    }

    @Test
    void checkingRunsNothing() {
        check().check("delete from Clinic c where c.ownerSsn = :ssn");
        sessionFactory.inTransaction(s -> s.persist(new Clinic("111-11-1111", "North")));
        check().check("delete from Clinic c where c.ownerSsn = :ssn");
        long clinics = sessionFactory.fromTransaction(s -> s.createSelectionQuery("select count(c) from Clinic c",
                Long.class).getSingleResult());
        assertTrue(clinics >= 1, "the checked delete ran");
    }

    @Test
    void aPersistenceUnitWithoutEncryptedAttributesHasNoCheck() {
        try (TestDatabase.Instance plainDb = TestDatabase.H2.create();
                SessionFactory plain = TestSessionFactories.build(plainDb, null, PlainNote.class)) {
            assertTrue(EncryptedQueryCheck.of(plain).isEmpty());
        }
        assertInstanceOf(EncryptedQueryCheck.class, check());
    }
}
