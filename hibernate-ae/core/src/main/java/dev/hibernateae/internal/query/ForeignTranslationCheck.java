package dev.hibernateae.internal.query;

import org.hibernate.sql.ast.spi.AbstractSqlAstWalker;
import org.hibernate.sql.ast.tree.delete.DeleteStatement;
import org.hibernate.sql.ast.tree.update.UpdateStatement;
import org.hibernate.sql.ast.tree.predicate.ComparisonPredicate;
import org.hibernate.sql.ast.tree.predicate.InListPredicate;
import org.hibernate.sql.ast.tree.predicate.InSubQueryPredicate;

/**
 * For statements translated by an application's own SQM translator, which hibernate-ae cannot extend: refuses any
 * comparison of an attribute in transition, since it would not be rewritten to match every stored form.
 */
final class ForeignTranslationCheck extends AbstractSqlAstWalker {
    private final EqualityRewriter rewriter;
    private final String translator;

    ForeignTranslationCheck(EqualityRewriter rewriter, String translator) {
        this.rewriter = rewriter;
        this.translator = translator;
    }

    /** Hibernate's walker assumes a restriction; an update or delete of every row has none. */
    @Override
    public void visitUpdateStatement(UpdateStatement statement) {
        statement.getCteStatements().values().forEach(cte -> cte.getCteDefinition().accept(this));
        statement.getAssignments().forEach(assignment -> assignment.accept(this));
        if (statement.getRestriction() != null) {
            statement.getRestriction().accept(this);
        }
    }

    @Override
    public void visitDeleteStatement(DeleteStatement statement) {
        statement.getCteStatements().values().forEach(cte -> cte.getCteDefinition().accept(this));
        if (statement.getRestriction() != null) {
            statement.getRestriction().accept(this);
        }
    }

    @Override
    public void visitRelationalPredicate(ComparisonPredicate predicate) {
        refuse(EqualityRewriter.attributeOf(predicate.getLeftHandExpression()));
        refuse(EqualityRewriter.attributeOf(predicate.getRightHandExpression()));
        super.visitRelationalPredicate(predicate);
    }

    @Override
    public void visitInListPredicate(InListPredicate predicate) {
        refuse(EqualityRewriter.attributeOf(predicate.getTestExpression()));
        super.visitInListPredicate(predicate);
    }

    @Override
    public void visitInSubQueryPredicate(InSubQueryPredicate predicate) {
        refuse(EqualityRewriter.attributeOf(predicate.getTestExpression()));
        super.visitInSubQueryPredicate(predicate);
    }

    private void refuse(dev.hibernateae.internal.hibernate.EncryptedAttribute<?> attribute) {
        rewriter.refuseIfInTransition(attribute, "a value in a query translated by " + translator
                + " (hibernate-ae rewrites such comparisons only with Hibernate's standard translator)");
    }
}
