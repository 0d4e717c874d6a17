package dev.hibernateae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.testing.PerDatabaseScenarios;
import dev.hibernateae.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Searches through tokens on randomized attributes: what they find, and what stays refused. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class SearchTokensQueryTest extends PerDatabaseScenarios {
    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {Person.class};
    }

    private Long persist(Person person) {
        return sessionFactory.fromTransaction(s -> {
            s.persist(person);
            return person.id;
        });
    }

    private List<Long> ids(String hql, Object... parameters) {
        return sessionFactory.fromTransaction(s -> {
            var query = s.createSelectionQuery("select p.id from Person p where " + hql + " order by p.id", Long.class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter("p" + i, parameters[i]);
            }
            return query.getResultList();
        });
    }

    @Test
    void equalityPrefixSuffixAndIgnoreCaseFindExactlyTheirRows() {
        sessionFactory.inTransaction(s -> s.createSelectionQuery("from Person", Person.class).getResultList()
                .forEach(s::remove));
        Long smith = persist(new Person("111-22-3333", "Smith", "Zoë", 7, "a"));
        Long smythe = persist(new Person("444-55-6666", "Smythe", "ZOE", 8, "b"));
        Long none = persist(new Person(null, null, null, null, "c"));
        assertEquals(List.of(smith), ids("p.ssn = :p0", "111-22-3333"));
        assertEquals(List.of(smythe), ids("p.ssn <> :p0", "111-22-3333"), "<> leaves out null");
        assertEquals(List.of(smythe), ids("not (p.ssn = :p0)", "111-22-3333"), "not leaves out null");
        assertEquals(List.of(smith, smythe), ids("p.lastName like :p0", "Sm%"));
        assertEquals(List.of(smith), ids("p.lastName like :p0", "Smi%"));
        assertEquals(List.of(smythe), ids("p.lastName not like :p0", "Smi%"));
        assertEquals(List.of(smythe), ids("not (p.lastName like :p0)", "Smi%"));
        assertEquals(List.of(smith), ids("p.lastName like :p0", "%th"));
        assertEquals(List.of(smith), ids("p.lastName like 'Smi%'"));
        assertEquals(List.of(smith), ids("upper(p.lastName) = upper(:p0)", "SMITH"));
        assertEquals(List.of(smith), ids("lower(p.lastName) = lower(:p0)", "smith"));
        assertEquals(List.of(smith, smythe), ids("upper(p.city) = upper(:p0)", "zoe"));
        assertEquals(List.of(), ids("upper(p.city) <> upper(:p0)", "zoe"));
        assertEquals(List.of(smythe), ids("p.mrn = :p0", 8));
        assertEquals(List.of(smith, none), ids("p.mrn = :p0 or p.note in ('a', 'c')", 8).stream()
                .filter(id -> !id.equals(smythe)).toList());
        Long count = sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from Person p where p.lastName like :p", Long.class).setParameter("p", "Sm%")
                .getSingleResult());
        assertEquals(2L, count);
    }

    @Test
    void criteriaSearchesBindTheirParameters() {
        Long id = persist(new Person("321-00-0000", "Criterion", "Lima", 11, "c"));
        List<Long> found = sessionFactory.fromTransaction(s -> {
            var cb = s.getCriteriaBuilder();
            var query = cb.createQuery(Long.class);
            var person = query.from(Person.class);
            var ssn = cb.parameter(String.class);
            var prefix = cb.parameter(String.class, "prefix");
            query.select(person.get("id")).where(cb.equal(person.get("ssn"), ssn),
                    cb.like(person.get("lastName"), prefix), cb.equal(cb.upper(person.get("city")),
                            cb.upper(cb.literal("LIMA"))));
            return s.createQuery(query).setParameter(ssn, "321-00-0000").setParameter("prefix", "Crit%")
                    .getResultList();
        });
        assertEquals(List.of(id), found);
    }

    @Test
    void tokensFollowUpdatesAndDeletes() {
        Long id = persist(new Person("999-00-1111", "Jones", "Paris", 1, "x"));
        assertEquals(List.of(id), ids("p.ssn = :p0", "999-00-1111"));
        sessionFactory.inTransaction(s -> s.find(Person.class, id).ssn = "999-00-2222");
        assertEquals(List.of(), ids("p.ssn = :p0", "999-00-1111"));
        assertEquals(List.of(id), ids("p.ssn = :p0", "999-00-2222"));
        sessionFactory.inTransaction(s -> s.find(Person.class, id).note = "only a plain change");
        assertEquals(List.of(id), ids("p.ssn = :p0", "999-00-2222"));
        sessionFactory.inTransaction(s -> s.remove(s.find(Person.class, id)));
        assertEquals(List.of(), ids("p.ssn = :p0", "999-00-2222"));
        assertEquals(0, tokensOf(id));
    }

    @Test
    void aStatelessSessionMaintainsTokensToo() {
        if (!dev.hibernateae.testing.HibernateLineExpectations.STATELESS_EVENTS_HAVE_A_SESSION) {
            dev.hibernateae.api.AlwaysEncryptedException refused = assertThrows(
                    dev.hibernateae.api.AlwaysEncryptedException.class, () -> sessionFactory.inStatelessTransaction(
                            s -> s.insert(new Person("777-77-7777", "Stateless", "Rome", 9, "s"))));
            assertTrue(refused.getMessage().contains("StatelessSession"), refused.getMessage());
            assertEquals(List.of(), ids("p.note = 's'"), "refused before the row was written");
            return;
        }
        Long id = sessionFactory.fromStatelessTransaction(s -> {
            Person p = new Person("777-77-7777", "Stateless", "Rome", 9, "s");
            s.insert(p);
            return p.id;
        });
        assertEquals(List.of(id), ids("p.ssn = :p0", "777-77-7777"));
        sessionFactory.inStatelessTransaction(s -> {
            Person p = s.get(Person.class, id);
            p.ssn = "777-77-0000";
            s.update(p);
        });
        assertEquals(List.of(), ids("p.ssn = :p0", "777-77-7777"));
        assertEquals(List.of(id), ids("p.ssn = :p0", "777-77-0000"));
        sessionFactory.inStatelessTransaction(s -> s.delete(s.get(Person.class, id)));
        assertEquals(0, tokensOf(id));
    }

    @Test
    void aRolledBackWriteLeavesNoTokens() {
        Long[] id = new Long[1];
        assertThrows(IllegalStateException.class, () -> sessionFactory.inTransaction(s -> {
            Person p = new Person("123-45-6789", "Ghost", "Oslo", 3, "r");
            s.persist(p);
            s.flush();
            id[0] = p.id;
            throw new IllegalStateException("roll back");
        }));
        assertEquals(0, tokensOf(id[0]));
        assertEquals(List.of(), ids("p.ssn = :p0", "123-45-6789"));
    }

    @Test
    void whatTokensCannotAnswerIsRefused() {
        assertThrows(UnsupportedEncryptedQueryException.class, () -> ids("p.lastName like :p0", "%mit%"));
        assertThrows(UnsupportedEncryptedQueryException.class, () -> ids("p.lastName like :p0", "Sm_th"));
        assertThrows(UnsupportedEncryptedQueryException.class, () -> ids("p.lastName like :p0", "Smithson%"),
                "longer than maxLength");
        assertThrows(UnsupportedEncryptedQueryException.class, () -> ids("p.lastName like :p0", "%h"),
                "shorter than the suffix's minLength");
        assertThrows(UnsupportedEncryptedQueryException.class, () -> ids("p.city like :p0", "Pa%"));
        assertThrows(UnsupportedEncryptedQueryException.class, () -> ids("upper(p.lastName) = :p0", "SMITH"));
        assertThrows(UnsupportedEncryptedQueryException.class, () -> ids("upper(p.lastName) like upper(:p0)", "Sm%"),
                "case-insensitive prefixes are not declared");
        assertThrows(UnsupportedEncryptedQueryException.class, () -> ids("upper(p.lastName) = lower(:p0)", "x"),
                "two different foldings");
        assertThrows(UnsupportedEncryptedQueryException.class, () -> ids("p.ssn < :p0", "5"));
        UnsupportedEncryptedQueryException bulk = assertThrows(UnsupportedEncryptedQueryException.class,
                () -> sessionFactory.inTransaction(s -> s.createMutationQuery("delete from Person where note = 'z'")
                        .executeUpdate()));
        assertTrue(bulk.getMessage().contains("em.remove"), bulk.getMessage());
        assertThrows(UnsupportedEncryptedQueryException.class, () -> sessionFactory.inTransaction(s -> s
                .createMutationQuery("update Person set lastName = :v where note = 'z'").setParameter("v", "X")
                .executeUpdate()));
        sessionFactory.inTransaction(s -> s.createMutationQuery("update Person set note = 'y' where note = 'z'")
                .executeUpdate());
    }

    /** Lookups go by token: the key must start with it (Hibernate's default column ordering put it second once). */
    @Test
    void theTokenTableIsKeyedByTokenFirst() throws Exception {
        try (Connection c = db.connect()) {
            java.util.SortedMap<Integer, String> key = new java.util.TreeMap<>();
            for (String name : List.of("Person_hae_tokens", "person_hae_tokens", "PERSON_HAE_TOKENS")) {
                try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, null, name)) {
                    while (rs.next()) {
                        key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
            assertEquals(List.of("token", "owner_id"), List.copyOf(key.values()));
        }
    }

    @Test
    void tokensHoldNoPlaintext() throws Exception {
        Long id = persist(new Person("SENTINEL-SSN", "Sentinelname", "Sentinelcity", 424242, "n"));
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select token from Person_hae_tokens where owner_id = " + id)) {
            int count = 0;
            while (rs.next()) {
                byte[] token = rs.getBytes(1);
                assertEquals(16, token.length);
                String utf8 = new String(token, java.nio.charset.StandardCharsets.UTF_8);
                assertFalse(utf8.contains("Sent") || utf8.contains("SENT") || utf8.contains("sent"));
                count++;
            }
            // ssn 1, lastName 1 + 5 prefixes + 3 suffixes, city 1, mrn 1
            assertEquals(12, count);
        }
        Long shortName = persist(new Person("SENTINEL-SSN2", "Al", "Sentinelcity", 424243, "n"));
        assertEquals(12, tokensOf(shortName), "a short value gets fillers: token counts do not tell lengths");
        assertEquals(List.of(shortName), ids("p.lastName like :p0", "Al%"));
        assertEquals(List.of(shortName), ids("p.lastName like :p0", "%Al"));
    }

    private int tokensOf(Long id) {
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from Person_hae_tokens where owner_id = " + id)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
