package dev.hibernateae.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hibernateae.internal.orm.JdbcDialects;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.OracleDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.dialect.PostgresPlusDialect;
import org.junit.jupiter.api.Test;

/** Hibernate's dialect decides which database's key table script applies, on a session factory or a connection. */
class DatabaseKindTest {

    @Test
    void theDialectDecidesTheDatabase() {
        assertEquals(Optional.of(KeyTables.Database.H2), KeyTables.Database.of(new H2Dialect()));
        assertEquals(Optional.of(KeyTables.Database.POSTGRESQL), KeyTables.Database.of(new PostgreSQLDialect()));
        assertEquals(Optional.of(KeyTables.Database.POSTGRESQL), KeyTables.Database.of(new PostgresPlusDialect()));
        assertEquals(Optional.of(KeyTables.Database.MARIADB), KeyTables.Database.of(new MariaDBDialect()));
        // MySQL lacks ADD COLUMN IF NOT EXISTS, which the MariaDB upgrade script uses.
        assertEquals(Optional.empty(), KeyTables.Database.of(new MySQLDialect()));
        assertEquals(Optional.empty(), KeyTables.Database.of(new OracleDialect()));
    }

    @Test
    void aPlainConnectionIsResolvedAsHibernateResolvesIt() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:kind", "sa", "")) {
            assertInstanceOf(H2Dialect.class, JdbcDialects.of(connection.getMetaData()).orElseThrow());
        }
    }
}
