package dev.hibernateae.lifecycle;

import java.util.List;
import java.util.Objects;

/**
 * A column a lifecycle job processes, and the columns that identify its table's rows.
 *
 * @param table the table, optionally schema-qualified ({@code app.patient})
 * @param column the column
 * @param keyColumns the columns that identify a row, in order; empty for the table's primary key
 */
public record ColumnRef(String table, String column, List<String> keyColumns) {

    public ColumnRef {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        keyColumns = List.copyOf(keyColumns);
    }

    public static ColumnRef of(String table, String column) {
        return new ColumnRef(table, column, List.of());
    }

    /**
     * Parses {@code table.column} or {@code schema.table.column}.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static ColumnRef parse(String text) {
        int dot = text == null ? -1 : text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a column: write table.column or "
                    + "schema.table.column");
        }
        return of(text.substring(0, dot).strip(), text.substring(dot + 1).strip());
    }

    public ColumnRef withKeyColumns(List<String> columns) {
        return new ColumnRef(table, column, columns);
    }

    /** The table without its schema. */
    public String bareTable() {
        int dot = table.lastIndexOf('.');
        return dot < 0 ? table : table.substring(dot + 1);
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
