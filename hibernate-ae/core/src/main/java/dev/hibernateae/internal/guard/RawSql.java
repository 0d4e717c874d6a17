package dev.hibernateae.internal.guard;

import dev.hibernateae.internal.hibernate.SqlFragmentColumns;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.query.sqm.tree.SqmTypedNode;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmFunction;
import org.hibernate.query.sqm.tree.expression.SqmLiteral;

/** The two ways a query can name a column in SQL of its own, bypassing the mapping and so the encryption. */
final class RawSql {
    private RawSql() {
    }

    /**
     * {@code column(p.name)} reads a column by its SQL name, typed as the query says: a comparison binds plaintext,
     * an ordering sorts ciphertext. Which column it names is known only when rendered, so it is refused on anything
     * whose rows hold encrypted columns.
     */
    static void checkColumn(SqmFunction<?> function, EncryptedPathResolver resolver) {
        for (SqmTypedNode<?> argument : function.getArguments()) {
            if (argument instanceof SqmPath<?> path) {
                List<EncryptedColumn> encrypted = resolver.encryptedColumnsOf(path);
                if (!encrypted.isEmpty()) {
                    throw Rejections.rawColumn(encrypted);
                }
            }
        }
    }

    /**
     * {@code sql('...')} embeds SQL the database runs as written: a fragment that names an encrypted column sorts,
     * compares or computes on ciphertext. Its text is searched for the column names of every encrypted attribute
     * (identifiers only, not string literals); its arguments are walked like any function's.
     */
    static void checkFragment(SqmFunction<?> function, EncryptedPathResolver resolver) {
        if (!function.getArguments().isEmpty() && function.getArguments().get(0) instanceof SqmLiteral<?> literal
                && literal.getLiteralValue() instanceof String fragment) {
            Map<String, EncryptedColumn> columns = resolver.encryptedColumnsByName();
            SqlFragmentColumns.firstNamed(fragment, columns.keySet()).ifPresent(column -> {
                throw Rejections.sqlFragment(columns.get(column.toLowerCase(Locale.ROOT)), column);
            });
        }
    }
}
