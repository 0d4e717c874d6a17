package dev.hibernateae.internal.hibernate;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.internal.hibernate.model.Narrow;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Schema validation reports an existing encrypted column too short for its ciphertext, and accepts one that fits. */
class EncryptedColumnValidationTest {

    private static void createTable(TestDatabase.Instance db, int secretBytes) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create table narrow (id bigint not null primary key, secret varbinary(" + secretBytes + "))");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void aColumnTooShortForItsCellsIsReported(TestDatabase database) throws SQLException {
        try (TestDatabase.Instance db = database.create()) {
            createTable(db, 100);
            RuntimeException e = assertThrows(RuntimeException.class, () -> TestSessionFactories.build(db,
                    StaticKeyRing.withRandomKeys("cek1"), Map.of("hibernate.hbm2ddl.auto", "validate"), Narrow.class)
                    .close());
            String message = EncryptedStorageTest.allMessages(e);
            assertTrue(message.contains("narrow.secret") && message.contains("Narrow.secret")
                    && message.contains("100") && message.contains("161"), message);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void aColumnWideEnoughPassesValidation(TestDatabase database) throws SQLException {
        try (TestDatabase.Instance db = database.create()) {
            createTable(db, 161);
            SessionFactory sf = TestSessionFactories.build(db, StaticKeyRing.withRandomKeys("cek1"),
                    Map.of("hibernate.hbm2ddl.auto", "validate"), Narrow.class);
            sf.close();
        }
    }
}
