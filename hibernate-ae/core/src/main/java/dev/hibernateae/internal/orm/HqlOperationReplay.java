package dev.hibernateae.internal.orm;

import java.util.Locale;
import java.util.function.Supplier;
import org.hibernate.grammars.hql.HqlLexer;
import org.hibernate.grammars.hql.HqlParser;
import org.hibernate.query.hql.internal.HqlParseTreeBuilder;
import org.hibernate.query.hql.internal.SemanticQueryBuilder;
import org.hibernate.query.hql.spi.SqmCreationOptions;
import org.hibernate.query.sqm.spi.SqmCreationContext;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmUnaryOperation;
import org.hibernate.query.sqm.tree.predicate.SqmPredicate;

/**
 * Reads an HQL query again with Hibernate's own semantic reader, telling a {@link Listener} of every attribute path
 * it meets and of every operation it reads (string functions, {@code LIKE}, casts, arithmetic...), around the
 * reading of that operation. Used only on the failure path of a query Hibernate already refused, to find out which
 * attribute the refusal was about.
 */
public final class HqlOperationReplay extends SemanticQueryBuilder<Object> {

    /** Hears what the replay reads. */
    public interface Listener {
        /** An attribute path, once read. */
        void pathRead(SqmPath<?> path);

        /**
         * An operation about to be read by {@code reading}: {@code LIKE}, {@code ILIKE}, {@code REGEXP},
         * {@code name()} for a function, or {@code arithmetic (+)} and the like.
         */
        <T> T operation(String operation, Supplier<T> reading);
    }

    private final Listener listener;

    private HqlOperationReplay(SqmCreationOptions options, SqmCreationContext context, String hql,
            Listener listener) {
        super(null, options, context, hql);
        this.listener = listener;
    }

    /** Reads {@code hql} once more; whatever the reading throws (or the listener throws) propagates. */
    public static void replay(String hql, SqmCreationOptions options, SqmCreationContext context,
            Listener listener) {
        HqlLexer lexer = HqlParseTreeBuilder.INSTANCE.buildHqlLexer(hql);
        HqlParser parser = HqlParseTreeBuilder.INSTANCE.buildHqlParser(hql, lexer);
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        new HqlOperationReplay(options, context, hql, listener).visitStatement(parser.statement());
    }

    private Object path(Object node) {
        if (node instanceof SqmPath<?> path) {
            listener.pathRead(path);
        }
        return node;
    }

    @Override
    public Object visitGeneralPathExpression(HqlParser.GeneralPathExpressionContext ctx) {
        return path(super.visitGeneralPathExpression(ctx));
    }

    @Override
    public Object visitSyntacticPathExpression(HqlParser.SyntacticPathExpressionContext ctx) {
        return path(super.visitSyntacticPathExpression(ctx));
    }

    @Override
    public SqmPredicate visitLikePredicate(HqlParser.LikePredicateContext ctx) {
        return listener.operation(HibernateLine.likeOperation(ctx), () -> super.visitLikePredicate(ctx));
    }

    @Override
    public Object visitGenericFunction(HqlParser.GenericFunctionContext ctx) {
        String name = ctx.genericFunctionName().getText().toLowerCase(Locale.ROOT);
        return listener.operation(name + "()", () -> super.visitGenericFunction(ctx));
    }

    @Override
    public SqmExpression<?> visitSubstringFunction(HqlParser.SubstringFunctionContext ctx) {
        return listener.operation("substring()", () -> super.visitSubstringFunction(ctx));
    }

    @Override
    public SqmExpression<?> visitTrimFunction(HqlParser.TrimFunctionContext ctx) {
        return listener.operation("trim()", () -> super.visitTrimFunction(ctx));
    }

    @Override
    public SqmExpression<?> visitPadFunction(HqlParser.PadFunctionContext ctx) {
        return listener.operation("pad()", () -> super.visitPadFunction(ctx));
    }

    @Override
    public Object visitPositionFunction(HqlParser.PositionFunctionContext ctx) {
        return listener.operation("position()", () -> super.visitPositionFunction(ctx));
    }

    @Override
    public Object visitOverlayFunction(HqlParser.OverlayFunctionContext ctx) {
        return listener.operation("overlay()", () -> super.visitOverlayFunction(ctx));
    }

    @Override
    public SqmExpression<?> visitConcatenationExpression(HqlParser.ConcatenationExpressionContext ctx) {
        return listener.operation("concat()", () -> super.visitConcatenationExpression(ctx));
    }

    @Override
    public Object visitCollateFunction(HqlParser.CollateFunctionContext ctx) {
        return listener.operation("collate()", () -> super.visitCollateFunction(ctx));
    }

    @Override
    public SqmExpression<?> visitCastFunction(HqlParser.CastFunctionContext ctx) {
        return listener.operation("cast()", () -> super.visitCastFunction(ctx));
    }

    @Override
    public SqmExpression<?> visitFormatFunction(HqlParser.FormatFunctionContext ctx) {
        return listener.operation("format()", () -> super.visitFormatFunction(ctx));
    }

    @Override
    public Object visitExtractFunction(HqlParser.ExtractFunctionContext ctx) {
        return listener.operation("extract()", () -> super.visitExtractFunction(ctx));
    }

    @Override
    public Object visitTruncFunction(HqlParser.TruncFunctionContext ctx) {
        return listener.operation("trunc()", () -> super.visitTruncFunction(ctx));
    }

    @Override
    public Object visitAdditionExpression(HqlParser.AdditionExpressionContext ctx) {
        return listener.operation("arithmetic (" + ctx.additiveOperator().getText() + ")",
                () -> super.visitAdditionExpression(ctx));
    }

    @Override
    public Object visitMultiplicationExpression(HqlParser.MultiplicationExpressionContext ctx) {
        return listener.operation("arithmetic (" + ctx.multiplicativeOperator().getText() + ")",
                () -> super.visitMultiplicationExpression(ctx));
    }

    @Override
    public SqmUnaryOperation<?> visitUnaryExpression(HqlParser.UnaryExpressionContext ctx) {
        return listener.operation("arithmetic (unary " + ctx.signOperator().getText() + ")",
                () -> super.visitUnaryExpression(ctx));
    }
}
