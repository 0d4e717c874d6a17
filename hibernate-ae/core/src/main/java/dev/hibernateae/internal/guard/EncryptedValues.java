package dev.hibernateae.internal.guard;

import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import java.util.List;

/** Small checks on encrypted values shared by the walker and the parameter bookkeeping. */
final class EncryptedValues {
    private EncryptedValues() {
    }

    /** hibernate-ae's converter behind a Hibernate type, or {@code null}. */
    static EncryptedAttributeConverter<?> converterOf(Object type) {
        return EncryptedAttributeConverter.behind(type);
    }

    /** Whether the cells of one can stand for the cells of the other, column by column. */
    static boolean interchangeable(EncryptedValue a, EncryptedValue b) {
        return firstDifference(a, b) == null;
    }

    /**
     * The first pair of columns that differ, as {@code [a's column, b's column]} (either may be {@code null} for a
     * plain column), or {@code null} when every column pairs up. Values of different widths differ at their first
     * encrypted column.
     */
    static EncryptedColumn[] firstDifference(EncryptedValue a, EncryptedValue b) {
        List<EncryptedColumn> x = a.columns();
        List<EncryptedColumn> y = b.columns();
        if (x.size() != y.size()) {
            return new EncryptedColumn[] {a.first(), b.first()};
        }
        for (int i = 0; i < x.size(); i++) {
            EncryptedColumn p = x.get(i);
            EncryptedColumn q = y.get(i);
            if (p == null && q == null) {
                continue;
            }
            if (p == null || q == null || !p.interchangeable(q)) {
                return new EncryptedColumn[] {p, q};
            }
        }
        return null;
    }
}
