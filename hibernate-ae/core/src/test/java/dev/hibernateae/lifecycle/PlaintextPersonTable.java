package dev.hibernateae.lifecycle;

import static dev.hibernateae.testing.keys.KeyFixture.PATH_1;

import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.testing.DriverManagerDataSource;
import dev.hibernateae.testing.keys.KeyFixture;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * The live plaintext table the in-place tests encrypt: {@code person(id, email, born, score, balance, name)}, the
 * key tables with {@code cmk1} and {@code cek1}, and the four columns as {@link PlaintextColumn}s.
 */
final class PlaintextPersonTable {
    static final List<PlaintextColumn> COLUMNS = List.of(
            PlaintextColumn.of(ColumnRef.of("person", "email"), EncryptionType.DETERMINISTIC, String.class)
                    .withLength(60),
            PlaintextColumn.of(ColumnRef.of("person", "born"), EncryptionType.DETERMINISTIC, LocalDate.class),
            PlaintextColumn.of(ColumnRef.of("person", "score"), EncryptionType.RANDOMIZED, Integer.class),
            PlaintextColumn.of(ColumnRef.of("person", "balance"), EncryptionType.RANDOMIZED, BigDecimal.class)
                    .withDecimal(8, 2));

    private PlaintextPersonTable() {
    }

    /** The key tables with master key {@code cmk1} and column encryption key {@code cek1}, and the empty table. */
    static KeyLifecycle create(DriverManagerDataSource dataSource, TestRsaProvider provider) throws SQLException {
        KeyLifecycle lifecycle = KeyLifecycle.builder().dataSource(dataSource).settings(KeyFixture.TRUSTED)
                .provider(provider).build();
        lifecycle.createTables();
        lifecycle.administration().createColumnMasterKey(ColumnMasterKeySpec.named("cmk1")
                .provider(TestRsaProvider.NAME).keyPath(PATH_1));
        lifecycle.administration().createColumnEncryptionKey("cek1", "cmk1");
        execute(dataSource, List.of("create table person (id bigint not null primary key, email varchar(60), "
                + "born date, score integer, balance decimal(8,2), name varchar(30))"));
        return lifecycle;
    }

    static void execute(DriverManagerDataSource dataSource, List<String> statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
