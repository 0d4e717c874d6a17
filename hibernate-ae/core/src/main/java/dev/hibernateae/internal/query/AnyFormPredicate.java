package dev.hibernateae.internal.query;

import org.hibernate.sql.ast.SqlAstWalker;
import org.hibernate.sql.ast.tree.predicate.ComparisonPredicate;
import org.hibernate.sql.ast.tree.predicate.Predicate;

/**
 * An equality (or inequality) on an attribute in transition, rendered as the predicate that looks for every stored
 * form of the value ({@code col in (?, ?)}). It stays a {@link ComparisonPredicate} with the original operands
 * because Hibernate's translator declares that type for translated comparisons; anything that inspects operands
 * sees the original comparison, and rendering sees the rewritten one.
 */
final class AnyFormPredicate extends ComparisonPredicate {
    private final Predicate rendered;

    AnyFormPredicate(ComparisonPredicate original, Predicate rendered) {
        super(original.getLeftHandExpression(), original.getOperator(), original.getRightHandExpression(),
                original.getExpressionType());
        this.rendered = rendered;
    }

    Predicate rendered() {
        return rendered;
    }

    @Override
    public void accept(SqlAstWalker walker) {
        rendered.accept(walker);
    }
}
