package dev.hibernateae.internal.guard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a query expression holds when it holds ciphertext: one encrypted column (a basic attribute, a collection
 * element) or an embeddable whose columns are partly encrypted. {@link #columns()} has one entry per database
 * column in mapping order, {@code null} for a plain column, so two embeddables can be compared column by column.
 */
record EncryptedValue(String attribute, List<EncryptedColumn> columns) {

    static EncryptedValue single(EncryptedColumn column) {
        return new EncryptedValue(column.attribute(), List.of(column));
    }

    static EncryptedValue composite(String attribute, List<EncryptedColumn> columns) {
        return new EncryptedValue(attribute, Collections.unmodifiableList(new ArrayList<>(columns)));
    }

    /** The encrypted columns, without the plain ones. */
    List<EncryptedColumn> encrypted() {
        List<EncryptedColumn> result = new ArrayList<>(columns.size());
        for (EncryptedColumn column : columns) {
            if (column != null) {
                result.add(column);
            }
        }
        return result;
    }

    EncryptedColumn first() {
        return encrypted().get(0);
    }

    /** The first randomized column, or {@code null} when every encrypted column is deterministic. */
    EncryptedColumn firstRandomized() {
        for (EncryptedColumn column : columns) {
            if (column != null && !column.deterministic()) {
                return column;
            }
        }
        return null;
    }
}
