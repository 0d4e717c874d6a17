package dev.hibernateae.internal.query;

import org.hibernate.sql.ast.SqlAstWalker;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.predicate.LikePredicate;
import org.hibernate.sql.ast.tree.predicate.Predicate;

/**
 * A prefix or suffix search rendered as its {@link TokenLookup}. It stays a {@link LikePredicate}, as Hibernate's
 * translator declares for translated {@code LIKE}s; its operands are the attribute's column, never the pattern.
 */
final class SearchLike extends LikePredicate {
    private final Predicate lookup;

    SearchLike(Expression column, Predicate lookup) {
        super(column, column);
        this.lookup = lookup;
    }

    @Override
    public void accept(SqlAstWalker walker) {
        lookup.accept(walker);
    }
}
