package dev.hibernateae.lifecycle;

import static dev.hibernateae.testing.keys.KeyFixture.PATH_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.lifecycle.CellShape;
import dev.hibernateae.internal.lifecycle.LifecycleTestSupport;
import dev.hibernateae.lifecycle.model.Person;
import dev.hibernateae.testing.DriverManagerDataSource;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.keys.KeyFixture;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole in-place story on each database, as docs/lifecycle.md tells it: plaintext columns change type to
 * binary text, the application with {@code @Encrypted} starts, the job encrypts every value (which the application
 * then reads and queries), the job decrypts them back, and the columns change back to their types with every value
 * intact.
 */
class InPlaceEncryptionJobTest {
    private static final int ROWS = 300;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void encryptInPlaceThenDecryptBack(TestDatabase database) throws SQLException {
        TestRsaProvider provider = new TestRsaProvider(TestRsaProvider.NAME, PATH_1);
        try (TestDatabase.Instance db = database.create()) {
            DriverManagerDataSource dataSource = DriverManagerDataSource.of(db);
            KeyLifecycle lifecycle = PlaintextPersonTable.create(dataSource, provider);
            List<Object[]> people = insertPeople(dataSource);
            PlaintextPersonTable.execute(dataSource, ColumnTypeChanges.toBinary(database));

            List<PlaintextColumn> columns = PlaintextPersonTable.COLUMNS;
            JobOptions options = JobOptions.DEFAULTS.withWaitBeforeRewrite(Duration.ZERO).withBatchSize(50)
                    .withPartitions(3).withWorkers(2);

            JobReport encrypted = lifecycle.encryptInPlace("cek1", columns, options);
            assertTrue(encrypted.completed(), encrypted.toString());
            assertEquals(ROWS, encrypted.rowsWalked());
            assertTrue(CellShape.looksLikeCell(LifecycleTestSupport.stored(db, "person", "email", "id = ?", 1L)));

            try (SessionFactory sf = application(db, provider)) {
                assertPeople(people, sf);
                Person found = sf.fromTransaction(s -> s.createSelectionQuery("from Person where email = :e",
                        Person.class).setParameter("e", "person7@example.com").getSingleResult());
                assertEquals(7L, found.id);

                JobReport decrypted = lifecycle.decryptInPlace("cek1", columns, options);
                assertTrue(decrypted.completed(), decrypted.toString());
                LifecycleTestSupport.poll(sf);
                assertPeople(people, sf);
                sf.inTransaction(s -> s.find(Person.class, 1L).name = "changed");
            }
            PlaintextPersonTable.execute(dataSource, ColumnTypeChanges.fromBinary(database));
            lifecycle.forgetDecryptedColumns(columns.stream().map(PlaintextColumn::column).toList());
            assertTrue(lifecycle.status().transitions().stream().allMatch(t -> t.phase().equals("FORGOTTEN")
                    && t.authentic()), lifecycle.status().toString());
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("select id, email, born, score, balance from person order by id")) {
                int i = 0;
                while (rows.next()) {
                    Object[] person = people.get(i++);
                    assertEquals(person[0], rows.getLong(1));
                    assertEquals(person[1], rows.getString(2));
                    assertEquals(person[2], rows.getObject(3, LocalDate.class));
                    assertEquals(person[3], rows.getObject(4) == null ? null : rows.getInt(4));
                    assertEquals(person[4], rows.getBigDecimal(5));
                }
                assertEquals(ROWS, i);
            }
        }
    }

    private static SessionFactory application(TestDatabase.Instance db, TestRsaProvider provider) {
        Map<String, Object> settings = new HashMap<>(db.hibernateSettings());
        settings.put("hibernate.hbm2ddl.auto", "none");
        settings.put(EncryptionSettings.PROVIDERS, List.of(provider));
        settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H");
        settings.putAll(KeyFixture.TRUSTED);
        // Deployed to follow the decryption back: only its own settings let it write plaintext.
        settings.put(EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS,
                "person.email, person.born, person.score, person.balance");
        var registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        return new MetadataSources(registry).addAnnotatedClass(Person.class).buildMetadata().buildSessionFactory();
    }

    private static void assertPeople(List<Object[]> people, SessionFactory sf) {
        List<Person> loaded = sf.fromTransaction(s -> s.createSelectionQuery("from Person order by id", Person.class)
                .getResultList());
        assertEquals(people.size(), loaded.size());
        for (int i = 0; i < people.size(); i++) {
            Object[] expected = people.get(i);
            Person person = loaded.get(i);
            assertEquals(expected[1], person.email);
            assertEquals(expected[2], person.born);
            assertEquals(expected[3], person.score);
            assertEquals(expected[4], person.balance);
        }
    }

    private static List<Object[]> insertPeople(DriverManagerDataSource dataSource) throws SQLException {
        List<Object[]> people = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into person (id, email, born, score, balance, name) values (?, ?, ?, ?, ?, ?)")) {
            for (long id = 1; id <= ROWS; id++) {
                String email = id % 50 == 0 ? null : "person" + id + "@example.com";
                LocalDate born = LocalDate.of(1950, 1, 1).plusDays(id * 37);
                Integer score = id % 3 == 0 ? null : (int) (id * 17 - 1000);
                BigDecimal balance = new BigDecimal(id * 13).movePointLeft(2).setScale(2);
                insert.setLong(1, id);
                insert.setString(2, email);
                insert.setObject(3, born);
                insert.setObject(4, score);
                insert.setBigDecimal(5, balance);
                insert.setString(6, "p" + id);
                insert.addBatch();
                people.add(new Object[] {id, email, born, score, balance});
            }
            insert.executeBatch();
        }
        return people;
    }
}
