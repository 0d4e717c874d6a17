package dev.hibernateae.internal.keys;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.hibernate.service.ServiceRegistry;

/**
 * Where the key catalog gets its JDBC connections: a {@link DataSource} (tests, the command-line tool) or a
 * Hibernate session factory's own connection access, so the key tables are read through the application's pool
 * without being entities of its persistence unit. Whatever the source, the key and lifecycle tables are read and
 * written in work of their own, never in a transaction of the application: see {@link #of(ServiceRegistry)}.
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

    /**
     * The connections of a Hibernate service registry (a session factory's), as hibernate-ae uses them at run time:
     * Hibernate's {@linkplain JdbcServices#getBootstrapJdbcConnectionAccess() bootstrap connection access} and,
     * when Hibernate coordinates JTA transactions ({@code hibernate.transaction.coordinator_class=jta}), with the
     * calling thread's JTA transaction suspended from {@link #open()} to {@link #release(Connection)}, as Hibernate
     * itself isolates identifier generators and schema management. So a pool that enlists its connections in the
     * current transaction gives hibernate-ae one of its own, whose commits are its own, and the first encrypted
     * value read or written inside a JTA transaction loads its key without touching the application's connection.
     */
    static ConnectionSource of(ServiceRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        ConnectionSource connections = of(registry.requireService(JdbcServices.class)
                .getBootstrapJdbcConnectionAccess());
        if (!registry.requireService(TransactionCoordinatorBuilder.class).isJta()) {
            return connections;
        }
        // Held as Object: the core does not read module jakarta.transaction (see JtaSuspendingConnectionSource).
        Object transactions = registry.requireService(JtaPlatform.class).retrieveTransactionManager();
        return transactions == null ? connections : new JtaSuspendingConnectionSource(connections, transactions);
    }
}
