package dev.hibernateae.internal.keys;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;

/**
 * Where the key catalog gets its JDBC connections: a {@link DataSource} (tests, the command-line tool) or a
 * Hibernate session factory's own connection access, so the key tables are read through the application's pool
 * without being entities of its persistence unit.
 */
public interface ConnectionSource {

    Connection open() throws SQLException;

    /** Gives the connection back; the default closes it. */
    default void release(Connection connection) throws SQLException {
        connection.close();
    }

    static ConnectionSource of(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return dataSource::getConnection;
    }

    /**
     * Hibernate's connection access, for example
     * {@code serviceRegistry.requireService(JdbcServices.class).getBootstrapJdbcConnectionAccess()}, which works
     * with a plain {@code ConnectionProvider} and with multi-tenancy alike.
     */
    static ConnectionSource of(JdbcConnectionAccess access) {
        Objects.requireNonNull(access, "access");
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return access.obtainConnection();
            }

            @Override
            public void release(Connection connection) throws SQLException {
                access.releaseConnection(connection);
            }
        };
    }
}
