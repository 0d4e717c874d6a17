package dev.hibernateae.internal.guard;

import org.hibernate.query.sqm.spi.BaseSemanticQueryWalker;
import org.hibernate.query.sqm.tree.domain.SqmBasicValuedSimplePath;
import org.hibernate.query.sqm.tree.domain.SqmCorrelatedBagJoin;
import org.hibernate.query.sqm.tree.domain.SqmCorrelatedListJoin;
import org.hibernate.query.sqm.tree.domain.SqmCorrelatedMapJoin;
import org.hibernate.query.sqm.tree.domain.SqmCorrelatedPluralPartJoin;
import org.hibernate.query.sqm.tree.domain.SqmCorrelatedSetJoin;
import org.hibernate.query.sqm.tree.domain.SqmCorrelatedSingularJoin;
import org.hibernate.query.sqm.tree.domain.SqmElementAggregateFunction;
import org.hibernate.query.sqm.tree.domain.SqmEmbeddedValuedSimplePath;
import org.hibernate.query.sqm.tree.domain.SqmIndexedCollectionAccessPath;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.domain.SqmPluralPartJoin;
import org.hibernate.query.sqm.tree.domain.SqmPluralValuedSimplePath;
import org.hibernate.query.sqm.tree.expression.AsWrapperSqmExpression;
import org.hibernate.query.sqm.tree.expression.JpaCriteriaParameter;
import org.hibernate.query.sqm.tree.expression.SqmBinaryArithmetic;
import org.hibernate.query.sqm.tree.expression.SqmCaseSearched;
import org.hibernate.query.sqm.tree.expression.SqmCaseSimple;
import org.hibernate.query.sqm.tree.expression.SqmCoalesce;
import org.hibernate.query.sqm.tree.expression.SqmNamedParameter;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.expression.SqmPositionalParameter;
import org.hibernate.query.sqm.tree.expression.SqmToDuration;
import org.hibernate.query.sqm.tree.expression.SqmTuple;
import org.hibernate.query.sqm.tree.expression.SqmUnaryOperation;
import org.hibernate.query.sqm.tree.from.SqmAttributeJoin;
import org.hibernate.query.sqm.tree.predicate.SqmBetweenPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmBooleanExpressionPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmLikePredicate;
import org.hibernate.query.sqm.tree.predicate.SqmTruthnessPredicate;
import org.hibernate.query.sqm.tree.select.SqmSubQuery;

/**
 * The fail-closed half of the guard: names the operation around every node it passes (function, arithmetic,
 * {@code LIKE}, {@code BETWEEN}, {@code CASE}...) and refuses any encrypted attribute, parameter misuse or subquery
 * of ciphertext that reaches it. {@link EncryptedQueryWalker} handles the places where ciphertext is allowed
 * before they get here, so an unknown construct around an encrypted attribute is refused, never let through.
 */
abstract class ValueUseWalker extends BaseSemanticQueryWalker {
    final WalkContext context = new WalkContext();
    final ParameterUses parameters = new ParameterUses();
    final EncryptedPathResolver resolver;
    final OperandRules rules;

    ValueUseWalker(EncryptedPathResolver resolver, LiteralRule literals) {
        this.resolver = resolver;
        this.rules = new OperandRules(resolver, parameters, literals);
    }

    /** An encrypted attribute reached outside the places that allow it. */
    final Object pathUsed(SqmPath<?> path) {
        EncryptedValue value = resolver.resolve(path);
        if (value != null) {
            String operation = context.operation();
            throw Rejections.unsupported(value.first(), operation != null ? operation : "this position",
                    context.reason() != null ? context.reason() : Reason.COMPUTE);
        }
        return path;
    }

    /** A subquery used as a value: its ciphertext must not reach the surrounding operation. */
    @Override
    public Object visitSubQueryExpression(SqmSubQuery<?> subquery) {
        if (context.operation() != null) {
            EncryptedValue selected = rules.selectedValue(subquery.getQueryPart());
            if (selected != null) {
                throw Rejections.unsupported(selected.first(), context.operation(), context.reason());
            }
        }
        return walkSubquery(subquery);
    }

    /** Checks the inside of a subquery, whose own clauses start with no surrounding operation. */
    final Object walkSubquery(SqmSubQuery<?> subquery) {
        return context.inQueryPart(null, () -> super.visitSubQueryExpression(subquery));
    }

    /** Walks the parts of an operand that the rules did not check: a subquery's clauses, a plain expression. */
    final void walkInside(Operand operand, String operation) {
        if (operand instanceof Operand.Encrypted encrypted) {
            if (encrypted.subquery() != null) {
                walkSubquery(encrypted.subquery());
            }
        } else if (operand instanceof Operand.Plain plain) {
            context.within(operation, Reason.COMPUTE, () -> plain.expression().accept(this));
        }
        // Parameters and literals were recorded by the rules.
    }

    // ---------------------------------------------------------------- operations that name themselves

    @Override
    public Object visitBetweenPredicate(SqmBetweenPredicate predicate) {
        return context.within("BETWEEN", Reason.ORDER, () -> super.visitBetweenPredicate(predicate));
    }

    @Override
    public Object visitLikePredicate(SqmLikePredicate predicate) {
        return context.within(predicate.isCaseSensitive() ? "LIKE" : "ILIKE", Reason.CONTENT,
                () -> super.visitLikePredicate(predicate));
    }

    @Override
    public Object visitIsTruePredicate(SqmTruthnessPredicate predicate) {
        return context.within(predicate.getBooleanValue() ? "IS TRUE" : "IS FALSE", Reason.BOOLEAN,
                () -> super.visitIsTruePredicate(predicate));
    }

    @Override
    public Object visitBooleanExpressionPredicate(SqmBooleanExpressionPredicate predicate) {
        return context.within("a boolean condition", Reason.BOOLEAN,
                () -> super.visitBooleanExpressionPredicate(predicate));
    }

    @Override
    public Object visitCoalesce(SqmCoalesce<?> coalesce) {
        return context.within("coalesce()", Reason.COMPUTE, () -> super.visitCoalesce(coalesce));
    }

    @Override
    public Object visitBinaryArithmeticExpression(SqmBinaryArithmetic<?> expression) {
        return context.within("arithmetic (" + expression.getOperator().getOperatorSqlTextString() + ")",
                Reason.COMPUTE, () -> super.visitBinaryArithmeticExpression(expression));
    }

    @Override
    public Object visitUnaryOperationExpression(SqmUnaryOperation<?> expression) {
        return context.within("arithmetic (unary " + expression.getOperation().getOperatorChar() + ")",
                Reason.COMPUTE, () -> super.visitUnaryOperationExpression(expression));
    }

    @Override
    public Object visitToDuration(SqmToDuration<?> duration) {
        return context.within("duration arithmetic", Reason.COMPUTE, () -> super.visitToDuration(duration));
    }

    @Override
    public Object visitSimpleCaseExpression(SqmCaseSimple<?, ?> expression) {
        return context.within("CASE", Reason.CASE, () -> super.visitSimpleCaseExpression(expression));
    }

    @Override
    public Object visitSearchedCaseExpression(SqmCaseSearched<?> expression) {
        for (SqmCaseSearched.WhenFragment<?> when : expression.getWhenFragments()) {
            context.within(null, null, () -> when.getPredicate().accept(this));
            context.within("CASE", Reason.CASE, () -> when.getResult().accept(this));
        }
        if (expression.getOtherwise() != null) {
            context.within("CASE", Reason.CASE, () -> expression.getOtherwise().accept(this));
        }
        return expression;
    }

    @Override
    public Object visitTuple(SqmTuple<?> tuple) {
        return context.within("a row value (tuple)", Reason.ROW_VALUE, () -> super.visitTuple(tuple));
    }

    @Override
    public Object visitAsWrapperExpression(AsWrapperSqmExpression<?> expression) {
        return context.within("as() conversion", Reason.COMPUTE, () -> super.visitAsWrapperExpression(expression));
    }

    // ---------------------------------------------------------------- paths: refused wherever they reach here

    @Override
    public Object visitBasicValuedPath(SqmBasicValuedSimplePath<?> path) {
        return pathUsed(path);
    }

    @Override
    public Object visitEmbeddableValuedPath(SqmEmbeddedValuedSimplePath<?> path) {
        return pathUsed(path);
    }

    @Override
    public Object visitPluralValuedPath(SqmPluralValuedSimplePath<?> path) {
        return pathUsed(path);
    }

    @Override
    public Object visitIndexedPluralAccessPath(SqmIndexedCollectionAccessPath<?> path) {
        context.within(null, null, () -> path.getSelectorExpression().accept(this));
        return pathUsed(path);
    }

    @Override
    public Object visitElementAggregateFunction(SqmElementAggregateFunction<?> function) {
        rules.refuseElementAggregate(function);
        return function;
    }

    @Override
    public Object visitQualifiedAttributeJoin(SqmAttributeJoin<?, ?> join) {
        return pathUsed(join); // a join used as a value, as in "join p.aliases a ... upper(a)"
    }

    @Override
    public Object visitPluralPartJoin(SqmPluralPartJoin<?, ?> join) {
        return pathUsed(join);
    }

    @Override
    public Object visitCorrelatedSetJoin(SqmCorrelatedSetJoin<?, ?> join) {
        return pathUsed(join);
    }

    @Override
    public Object visitCorrelatedListJoin(SqmCorrelatedListJoin<?, ?> join) {
        return pathUsed(join);
    }

    @Override
    public Object visitCorrelatedBagJoin(SqmCorrelatedBagJoin<?, ?> join) {
        return pathUsed(join);
    }

    @Override
    public Object visitCorrelatedMapJoin(SqmCorrelatedMapJoin<?, ?, ?> join) {
        return pathUsed(join);
    }

    @Override
    public Object visitCorrelatedSingularJoin(SqmCorrelatedSingularJoin<?, ?> join) {
        return pathUsed(join);
    }

    @Override
    public Object visitCorrelatedPluralPartJoin(SqmCorrelatedPluralPartJoin<?, ?> join) {
        return pathUsed(join);
    }

    // ---------------------------------------------------------------- parameters outside an encrypted comparison

    @Override
    public Object visitNamedParameterExpression(SqmNamedParameter<?> parameter) {
        return parameterUsed(parameter);
    }

    @Override
    public Object visitPositionalParameterExpression(SqmPositionalParameter<?> parameter) {
        return parameterUsed(parameter);
    }

    @Override
    public Object visitJpaCriteriaParameter(JpaCriteriaParameter<?> parameter) {
        return parameterUsed(parameter);
    }

    private Object parameterUsed(SqmParameter<?> parameter) {
        parameters.plain(parameter, context.operation() == null ? "" : context.operation());
        return parameter;
    }
}
