package dev.hibernateae.internal.lifecycle.job;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.orm.JdbcDialects;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.env.spi.NameQualifierSupport;

/**
 * One table a job walks: its key columns (the primary key unless given) and the columns it rewrites, with the SQL
 * of a key-ordered walk (keyset pagination, so each batch is an index range scan) and of a compare-and-set update.
 * Identifiers are used as given and must be plain or quoted SQL names, never expressions.
 */
public final class TableShape {
    private static final Pattern NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_$]*|\"[^\"]+\"|`[^`]+`)"
            + "(\\.([A-Za-z_][A-Za-z0-9_$]*|\"[^\"]+\"|`[^`]+`))?");

    private final String table;
    private final List<String> keyColumns;
    private final List<String> columns;

    public TableShape(String table, List<String> keyColumns, List<String> columns) {
        this.table = requireName(table, "table");
        if (keyColumns.isEmpty()) {
            throw new AlwaysEncryptedException("Table " + table + " needs at least one key column");
        }
        if (columns.isEmpty()) {
            throw new AlwaysEncryptedException("Name at least one column of table " + table + " to process");
        }
        this.keyColumns = keyColumns.stream().map(c -> requireName(c, "key column")).toList();
        this.columns = columns.stream().map(c -> requireName(c, "column")).toList();
    }

    public static String requireName(String name, String what) {
        if (name == null || !NAME.matcher(name.strip()).matches()) {
            throw new AlwaysEncryptedException("'" + name + "' is not a " + what + " name lifecycle jobs accept: use "
                    + "a plain SQL name (letters, digits, _), optionally schema-qualified or quoted");
        }
        return name.strip();
    }

    /** The primary key columns of {@code table}, in key order, as the database reports them. */
    public static List<String> primaryKey(Connection connection, String table) throws SQLException {
        requireName(table, "table");
        String schema = null;
        String name = table;
        int dot = table.indexOf('.');
        if (dot > 0) {
            schema = unquote(table.substring(0, dot));
            name = table.substring(dot + 1);
        }
        name = unquote(name);
        DatabaseMetaData metaData = connection.getMetaData();
        boolean databasesAreCatalogs = databasesAreCatalogs(metaData);
        for (String candidate : new String[] {name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT)}) {
            Map<Short, String> columns = new TreeMap<>();
            for (String schemaCandidate : schemaCandidates(connection, schema)) {
                try (ResultSet rows = metaData.getPrimaryKeys(
                        databasesAreCatalogs ? catalogOf(connection, schemaCandidate) : null, schemaCandidate,
                        candidate)) {
                    while (rows.next()) {
                        columns.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME"));
                    }
                }
                if (!columns.isEmpty()) {
                    return new ArrayList<>(columns.values());
                }
            }
        }
        throw new AlwaysEncryptedException("Table " + table + " has no primary key that the database reports: give "
                + "the columns that identify a row with --key-columns (a unique, not-null, indexed set)");
    }

    private static List<String> schemaCandidates(Connection connection, String schema) {
        List<String> candidates = new ArrayList<>();
        if (schema != null) {
            candidates.add(schema);
            candidates.add(schema.toLowerCase(Locale.ROOT));
            candidates.add(schema.toUpperCase(Locale.ROOT));
        } else {
            try {
                candidates.add(connection.getSchema());
            } catch (SQLException | AbstractMethodError ignored) {
                // fall through to no schema
            }
            candidates.add(null);
        }
        return candidates;
    }

    /**
     * Whether the database qualifies names by catalog, not schema (MariaDB: its databases are catalogs), as the
     * dialect Hibernate would choose for it says.
     */
    private static boolean databasesAreCatalogs(DatabaseMetaData metaData) {
        return JdbcDialects.of(metaData).map(Dialect::getNameQualifierSupport)
                .filter(NameQualifierSupport.CATALOG::equals).isPresent();
    }

    /** The catalog a schema given with the table names, or else the connection's. */
    private static String catalogOf(Connection connection, String schema) {
        if (schema != null) {
            return schema;
        }
        try {
            return connection.getCatalog();
        } catch (SQLException ignored) {
            return null;
        }
    }

    static String unquote(String name) {
        String n = name.strip();
        if (n.length() >= 2 && (n.startsWith("\"") || n.startsWith("`"))) {
            return n.substring(1, n.length() - 1);
        }
        return n;
    }

    public String table() {
        return table;
    }

    public List<String> keyColumns() {
        return keyColumns;
    }

    public List<String> columns() {
        return columns;
    }

    /**
     * Runs the job's read on {@code connection} once (one row, nothing written), so that a missing table, column
     * or key column is reported before the job announces anything.
     *
     * @throws AlwaysEncryptedException naming the table, its columns and key columns
     */
    public void check(Connection connection) {
        try (java.sql.PreparedStatement select = connection.prepareStatement(batchSql(false, false, 1));
                ResultSet rows = select.executeQuery()) {
            rows.next();
        } catch (SQLException e) {
            throw new AlwaysEncryptedException("Table " + table + " cannot be processed as " + columns + " keyed by "
                    + keyColumns + " (SQL state " + e.getSQLState() + ": " + e.getMessage() + "). Check the table and "
                    + "column names, and give the columns that identify a row with --key-columns", e);
        }
    }

    /**
     * The token table of this table ({@code <table>_hae_tokens}, in the same schema and quoted as the table is), if
     * the database has one: each spelling (as written, lower case, upper case) is probed with a statement that reads
     * nothing, so the name resolves exactly as the job's own statements will (schema search path, current database,
     * case folding), never to a table of the same name elsewhere.
     */
    public Optional<String> tokenTable(Connection connection) {
        int dot = table.lastIndexOf('.');
        String qualifier = dot > 0 ? table.substring(0, dot + 1) : "";
        String written = table.substring(dot + 1);
        char quote = written.charAt(0);
        boolean quoted = quote == '"' || quote == '`';
        String tokens = unquote(written) + "_hae_tokens";
        Set<String> spellings = new LinkedHashSet<>(List.of(tokens, tokens.toLowerCase(Locale.ROOT),
                tokens.toUpperCase(Locale.ROOT)));
        for (String spelling : spellings) {
            String name = qualifier + (quoted ? quote + spelling + quote : spelling);
            if (exists(connection, name)) {
                return Optional.of(name);
            }
            if (quoted) {
                break; // a quoted name has one spelling
            }
        }
        return Optional.empty();
    }

    private boolean exists(Connection connection, String name) {
        Savepoint savepoint = null;
        try {
            savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try (Statement probe = connection.createStatement()) {
                probe.executeQuery("select 1 from " + name + " where 1 = 0").close();
            }
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return true;
        } catch (SQLException missing) {
            try {
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
            } catch (SQLException e) {
                throw new AlwaysEncryptedException("Cannot tell whether table " + table + " has search tokens "
                        + "(SQL state " + e.getSQLState() + ": " + e.getMessage() + ")", e);
            }
            return false;
        }
    }

    String countSql() {
        return "select count(*) from " + table;
    }

    String keyAtOffsetSql() {
        return "select " + String.join(", ", keyColumns) + " from " + table + " order by " + order()
                + " limit 1 offset ?";
    }

    /**
     * One batch: key columns then the processed columns, after {@code lower} (exclusive, when present) and up to
     * {@code upper} (inclusive, when present), in key order.
     */
    String batchSql(boolean lower, boolean upper, int batchSize) {
        StringBuilder sql = new StringBuilder("select ").append(String.join(", ", keyColumns));
        for (String column : columns) {
            sql.append(", ").append(column);
        }
        sql.append(" from ").append(table);
        List<String> conditions = new ArrayList<>();
        if (lower) {
            conditions.add(keyTuple() + " > " + parameters());
        }
        if (upper) {
            conditions.add(keyTuple() + " <= " + parameters());
        }
        if (!conditions.isEmpty()) {
            sql.append(" where ").append(String.join(" and ", conditions));
        }
        return sql.append(" order by ").append(order()).append(" limit ").append(batchSize).toString();
    }

    /**
     * Sets one column of one row only if it still holds the value the job read: {@code update t set c = ? where
     * <key> = ? and c = ?}. A concurrent write by the application makes it match nothing, so it is never lost.
     */
    public String compareAndSetSql(String column) {
        StringBuilder sql = new StringBuilder("update ").append(table).append(" set ").append(column)
                .append(" = ? where ");
        for (String key : keyColumns) {
            if (!sameName(key, column)) {
                sql.append(key).append(" = ? and ");
            }
        }
        return sql.append(column).append(" = ?").toString();
    }

    /** How many key values {@link #compareAndSetSql} binds before the old value. */
    int compareAndSetKeyCount(String column) {
        return (int) keyColumns.stream().filter(key -> !sameName(key, column)).count();
    }

    /** Positions (0-based) of the key columns that {@link #compareAndSetSql} binds for {@code column}. */
    int[] compareAndSetKeyPositions(String column) {
        int[] positions = new int[compareAndSetKeyCount(column)];
        int next = 0;
        for (int i = 0; i < keyColumns.size(); i++) {
            if (!sameName(keyColumns.get(i), column)) {
                positions[next++] = i;
            }
        }
        return positions;
    }

    private static boolean sameName(String a, String b) {
        return unquote(a).equalsIgnoreCase(unquote(b));
    }

    private String keyTuple() {
        return keyColumns.size() == 1 ? keyColumns.get(0) : "(" + String.join(", ", keyColumns) + ")";
    }

    private String parameters() {
        return keyColumns.size() == 1 ? "?" : "(" + String.join(", ", keyColumns.stream().map(k -> "?").toList())
                + ")";
    }

    private String order() {
        return String.join(", ", keyColumns);
    }

    @Override
    public String toString() {
        return table + " " + columns + " keyed by " + keyColumns;
    }
}
