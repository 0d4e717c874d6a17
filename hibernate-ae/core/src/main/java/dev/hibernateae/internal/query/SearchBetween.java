package dev.hibernateae.internal.query;

import org.hibernate.sql.ast.SqlAstWalker;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.predicate.BetweenPredicate;
import org.hibernate.sql.ast.tree.predicate.Predicate;

/**
 * A {@code BETWEEN} range search rendered as its {@link TokenLookup}. It stays a {@link BetweenPredicate}, as
 * Hibernate's translator declares; its operands are the attribute's column, never the bounds.
 */
final class SearchBetween extends BetweenPredicate {
    private final Predicate lookup;

    SearchBetween(Expression column, Predicate lookup) {
        super(column, column, column, false, null);
        this.lookup = lookup;
    }

    @Override
    public void accept(SqlAstWalker walker) {
        lookup.accept(walker);
    }
}
