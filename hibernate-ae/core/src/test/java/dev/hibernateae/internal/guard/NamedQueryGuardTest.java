package dev.hibernateae.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.guard.model.MisorderedNamedQuery;
import dev.hibernateae.internal.guard.model.MisusedNamedQuery;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named queries are checked when the application starts, not when they are first used. */
class NamedQueryGuardTest {

    private static UnsupportedEncryptedQueryException startupFailure(Map<String, Object> settings,
            Class<?> carrier) {
        Throwable failure = assertThrows(Throwable.class, () -> GuardedPeople.open(settings, carrier).close());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedEncryptedQueryException e) {
                return e;
            }
        }
        throw new AssertionError("startup failed, but not with the guard's error", failure);
    }

    @Test
    void namedQueryWithLikeOnAnEncryptedAttributeStopsStartup() {
        UnsupportedEncryptedQueryException e = startupFailure(Map.of(), MisusedNamedQuery.class);
        assertEquals("Person.ssn", e.attribute());
        assertEquals("LIKE", e.operation());
        assertTrue(e.getMessage().startsWith("Named query 'Person.bySsnPrefix': "), e.getMessage());
    }

    @Test
    void namedQueryOrderedByAnEncryptedAttributeStopsStartup() {
        UnsupportedEncryptedQueryException e = startupFailure(Map.of(), MisorderedNamedQuery.class);
        assertEquals("Person.ssn", e.attribute());
        assertEquals("ORDER BY", e.operation());
        assertTrue(e.getMessage().startsWith("Named query 'Person.orderedBySsn': "), e.getMessage());
    }

    @Test
    void withHibernatesStartupCheckOffTheNamedQueryIsRefusedWhenUsed() {
        try (GuardedPeople people = GuardedPeople.open(Map.of("hibernate.query.startup_check", "false"),
                MisorderedNamedQuery.class)) {
            UnsupportedEncryptedQueryException e = assertThrows(UnsupportedEncryptedQueryException.class,
                    () -> people.sessionFactory.inTransaction(s -> s.createNamedSelectionQuery("Person.orderedBySsn",
                            Object.class).getResultList()));
            assertEquals("ORDER BY", e.operation());
        }
    }
}
