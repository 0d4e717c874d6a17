package dev.hibernateae.internal.query;

import org.hibernate.query.sqm.ComparisonOperator;
import org.hibernate.sql.ast.SqlAstWalker;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.predicate.ComparisonPredicate;
import org.hibernate.sql.ast.tree.predicate.Predicate;

/**
 * An equality search ({@code =}, {@code <>}, {@code upper() =}) rendered as its {@link TokenLookup}. It stays a
 * {@link ComparisonPredicate}, as Hibernate's translator declares for translated comparisons (see
 * {@link AnyFormPredicate}); its operands are the attribute's column, never the searched value.
 */
final class SearchComparison extends ComparisonPredicate {
    private final Predicate lookup;

    SearchComparison(Expression column, Predicate lookup) {
        super(column, ComparisonOperator.EQUAL, column);
        this.lookup = lookup;
    }

    @Override
    public void accept(SqlAstWalker walker) {
        lookup.accept(walker);
    }
}
