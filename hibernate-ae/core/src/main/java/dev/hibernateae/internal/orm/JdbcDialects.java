package dev.hibernateae.internal.orm;

import java.sql.DatabaseMetaData;
import java.util.Optional;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.internal.StandardDialectResolver;
import org.hibernate.engine.jdbc.dialect.spi.DatabaseMetaDataDialectResolutionInfoAdapter;

/**
 * The Hibernate {@link Dialect} of a plain JDBC connection, resolved as Hibernate resolves it when it boots (its
 * standard resolver over the connection's metadata), for key lifecycle jobs that run without a session factory.
 */
public final class JdbcDialects {
    private JdbcDialects() {
    }

    /** The dialect Hibernate would choose for the database {@code metaData} describes; empty when it knows none. */
    public static Optional<Dialect> of(DatabaseMetaData metaData) {
        return Optional.ofNullable(new StandardDialectResolver()
                .resolveDialect(new DatabaseMetaDataDialectResolutionInfoAdapter(metaData)));
    }
}
