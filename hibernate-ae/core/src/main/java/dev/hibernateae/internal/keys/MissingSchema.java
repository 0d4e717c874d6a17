package dev.hibernateae.internal.keys;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether an error means that a table or a column hibernate-ae reads does not exist (yet): the SQL states of the
 * databases the key and lifecycle tables ship for. Errors without an SQL state (a pool refusing a commit, a driver's
 * own checks) mean neither.
 */
public final class MissingSchema {
    /** "Table not found": H2 and MariaDB use 42S02, PostgreSQL 42P01; 42S04 is the SQL standard's "view not found". */
    private static final Set<String> TABLE_STATES = Set.of("42S02", "42P01", "42S04");
    /** "Column not found": PostgreSQL 42703, MariaDB and H2 42S22, H2 also 42122. */
    private static final Set<String> COLUMN_STATES = Set.of("42703", "42S22", "42122");

    private MissingSchema() {
    }

    /** Whether {@code e} says a table does not exist. */
    public static boolean table(SQLException e) {
        return hasState(e, TABLE_STATES);
    }

    /** Whether {@code e} says a column does not exist. */
    public static boolean column(SQLException e) {
        return hasState(e, COLUMN_STATES);
    }

    /** Not {@code states.contains(e.getSQLState())}: an immutable set throws on null. */
    private static boolean hasState(SQLException e, Set<String> states) {
        String state = e.getSQLState();
        return state != null && states.contains(state);
    }
}
