package dev.hibernateae.lifecycle;

import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.internal.lifecycle.LifecycleTables;
import dev.hibernateae.testing.keys.KeyTablesDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Data tables for job tests, per database, and raw access to their cells. */
final class JobTables {
    private JobTables() {
    }

    static String binary(KeyTables.Database kind, int length) {
        return kind == KeyTables.Database.POSTGRESQL ? "bytea" : "varbinary(" + length + ")";
    }

    static void execute(KeyTablesDatabase db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void clearLifecycle(KeyTablesDatabase db) {
        execute(db, "delete from " + LifecycleTables.KEY_ROTATIONS);
        execute(db, "delete from " + LifecycleTables.COLUMN_TRANSITIONS);
        execute(db, "delete from " + LifecycleTables.JOBS);
    }

    /** Every value of {@code column} by id (a single-column key named id). */
    static Map<Long, byte[]> column(KeyTablesDatabase db, String table, String column) {
        Map<Long, byte[]> values = new LinkedHashMap<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "select id, " + column + " from " + table + " order by id"); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                values.put(rows.getLong(1), rows.getBytes(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    static void update(KeyTablesDatabase db, String sql, Object... parameters) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
