package dev.hibernateae.lifecycle;

import static dev.hibernateae.testing.keys.KeyFixture.PATH_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.lifecycle.LifecycleTestSupport;
import dev.hibernateae.lifecycle.model.SearchablePerson;
import dev.hibernateae.testing.DriverManagerDataSource;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.keys.KeyFixture;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Encryption in place of searchable columns: the application deployed for it creates the token table and registers
 * its spec, writes cells and their tokens while the transition runs, and the job creates the tokens of every row it
 * encrypts, so that once it completes prefix and range searches find exactly the rows Java finds.
 */
class InPlaceEncryptionWithSearchTokensTest {
    private static final int ROWS = 120;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theJobCreatesTheTokensOfTheRowsItEncrypts(TestDatabase database) throws SQLException {
        TestRsaProvider provider = new TestRsaProvider(TestRsaProvider.NAME, PATH_1);
        try (TestDatabase.Instance db = database.create()) {
            DriverManagerDataSource dataSource = DriverManagerDataSource.of(db);
            KeyLifecycle lifecycle = PlaintextPersonTable.create(dataSource, provider);
            Map<Long, SearchablePerson> people = insertPeople(dataSource);
            PlaintextPersonTable.execute(dataSource, ColumnTypeChanges.toBinary(database));
            List<PlaintextColumn> columns = PlaintextPersonTable.COLUMNS;
            lifecycle.announceEncryptionInPlace("cek1", columns);

            try (SessionFactory app = application(db, provider)) {
                // While the transition runs, the application writes cells, and their tokens with them.
                SearchablePerson late = person(ROWS + 1);
                app.inTransaction(s -> s.persist(late));
                people.put(late.id, late);

                JobReport encrypted = lifecycle.encryptInPlace("cek1", columns, JobOptions.DEFAULTS
                        .withWaitBeforeRewrite(Duration.ZERO).withBatchSize(17));
                assertTrue(encrypted.completed(), encrypted.toString());
                LifecycleTestSupport.poll(app);

                for (int i = 1; i <= ROWS; i += 7) {
                    SearchablePerson probe = people.get((long) i);
                    if (probe.email != null) {
                        String prefix = probe.email.substring(0, 8);
                        check(app, people, "email like :v", prefix + "%", null, p -> p.email != null
                                && p.email.startsWith(prefix));
                    }
                    LocalDate born = probe.born;
                    check(app, people, "born between :v and :w", born, born.plusDays(1000),
                            p -> !p.born.isBefore(born) && !p.born.isAfter(born.plusDays(1000)));
                }
                check(app, people, "score < :v", -500, null, p -> p.score != null && p.score < -500);
            }
        }
    }

    private static void check(SessionFactory app, Map<Long, SearchablePerson> people, String where, Object value,
            Object second, Predicate<SearchablePerson> expected) {
        Set<Long> want = new TreeSet<>();
        people.values().stream().filter(expected).forEach(p -> want.add(p.id));
        List<Long> found = app.fromTransaction(s -> {
            var query = s.createSelectionQuery("select id from SearchablePerson where " + where, Long.class)
                    .setParameter("v", value);
            return (second == null ? query : query.setParameter("w", second)).getResultList();
        });
        assertEquals(want, new TreeSet<>(found), where + " with " + value);
        assertTrue(!want.isEmpty(), where + " finds rows");
    }

    private static SessionFactory application(TestDatabase.Instance db, TestRsaProvider provider) {
        Map<String, Object> settings = new HashMap<>(db.hibernateSettings());
        settings.put("hibernate.hbm2ddl.auto", "update"); // creates the token table, leaves person as it is
        settings.put(EncryptionSettings.PROVIDERS, List.of(provider));
        settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H");
        settings.putAll(KeyFixture.TRUSTED);
        settings.put(EncryptionSettings.LIFECYCLE_ENCRYPTING_COLUMNS,
                "person.email, person.born, person.score, person.balance");
        var registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        return new MetadataSources(registry).addAnnotatedClass(SearchablePerson.class).buildMetadata()
                .buildSessionFactory();
    }

    private static SearchablePerson person(long id) {
        SearchablePerson person = new SearchablePerson();
        person.id = id;
        person.email = id % 25 == 0 ? null : "person" + (id * 7919 % 1000) + "@example.com";
        person.born = LocalDate.of(1950, 1, 1).plusDays(id * 137);
        person.score = id % 3 == 0 ? null : (int) (id * 17 - 1000);
        person.balance = new BigDecimal(id * 13).movePointLeft(2).setScale(2);
        person.name = "p" + id;
        return person;
    }

    private static Map<Long, SearchablePerson> insertPeople(DriverManagerDataSource dataSource) throws SQLException {
        Map<Long, SearchablePerson> people = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into person (id, email, born, score, balance, name) values (?, ?, ?, ?, ?, ?)")) {
            for (long id = 1; id <= ROWS; id++) {
                SearchablePerson person = person(id);
                insert.setLong(1, id);
                insert.setString(2, person.email);
                insert.setObject(3, person.born);
                insert.setObject(4, person.score);
                insert.setBigDecimal(5, person.balance);
                insert.setString(6, person.name);
                insert.addBatch();
                people.put(id, person);
            }
            insert.executeBatch();
        }
        return people;
    }
}
