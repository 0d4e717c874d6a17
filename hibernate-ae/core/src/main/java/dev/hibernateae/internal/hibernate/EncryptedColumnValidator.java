package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.hibernate.EncryptedAttributeIntegrator.EncryptedColumn;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * When Hibernate validates or updates the schema, checks that every existing encrypted column can hold the
 * largest cell of its attribute. Hibernate's own validator compares types but not lengths, and a column that is
 * too short truncates or rejects ciphertext only when a long value arrives.
 */
final class EncryptedColumnValidator {
    private static final String HBM2DDL = "hibernate.hbm2ddl.auto";
    private static final String JAKARTA_ACTION = "jakarta.persistence.schema-generation.database.action";

    private final SessionFactoryImplementor sessionFactory;

    EncryptedColumnValidator(SessionFactoryImplementor sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    void validate(List<EncryptedColumn> columns) {
        if (columns.isEmpty() || !schemaIsChecked(sessionFactory.getProperties())) {
            return;
        }
        JdbcConnectionAccess access = sessionFactory.getJdbcServices().getBootstrapJdbcConnectionAccess();
        List<String> problems = new ArrayList<>();
        Connection connection = null;
        try {
            connection = access.obtainConnection();
            DatabaseMetaData metaData = connection.getMetaData();
            for (EncryptedColumn column : columns) {
                Integer size = columnSize(metaData, connection, column);
                if (size != null && size < column.converter().attribute().cellLength()) {
                    problems.add(column.table().getName() + "." + column.column() + " (for "
                            + column.converter().attribute().role() + ") holds " + size + " bytes but its cells need "
                            + column.converter().attribute().cellLength());
                }
            }
        } catch (SQLException e) {
            throw new AlwaysEncryptedException("Could not read column sizes to validate encrypted columns: "
                    + e.getMessage(), e);
        } finally {
            if (connection != null) {
                try {
                    access.releaseConnection(connection);
                } catch (SQLException ignored) {
                    // nothing more to do
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AlwaysEncryptedException("Schema validation: encrypted columns too short for their ciphertext: "
                    + String.join("; ", problems) + ". Widen them (VARBINARY of at least that many bytes, or bytea)");
        }
    }

    private static boolean schemaIsChecked(Map<String, Object> settings) {
        for (String key : new String[] {HBM2DDL, JAKARTA_ACTION}) {
            Object value = settings.get(key);
            if (value != null) {
                String action = value.toString().trim().toLowerCase(Locale.ROOT);
                if (action.equals("validate") || action.equals("update")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The column's size, trying the identifier as given, upper-cased and lower-cased; null if it does not exist. */
    private static Integer columnSize(DatabaseMetaData metaData, Connection connection, EncryptedColumn column)
            throws SQLException {
        String catalog = column.table().getCatalog() != null ? column.table().getCatalog() : connection.getCatalog();
        String schema = column.table().getSchema() != null ? column.table().getSchema() : schemaOf(connection);
        String table = column.table().getName();
        String name = column.column();
        for (int variant = 0; variant < 3; variant++) {
            String t = variant == 0 ? table : variant == 1 ? table.toUpperCase(Locale.ROOT) : table.toLowerCase(Locale.ROOT);
            String c = variant == 0 ? name : variant == 1 ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
            try (ResultSet rs = metaData.getColumns(catalog, schema, t, c)) {
                if (rs.next()) {
                    return rs.getInt("COLUMN_SIZE");
                }
            }
        }
        return null;
    }

    private static String schemaOf(Connection connection) {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }
}
