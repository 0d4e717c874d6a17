package dev.hibernateae.internal.guard;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.hibernate.grammars.hql.HqlLexer;
import org.hibernate.grammars.hql.HqlParser;
import org.hibernate.query.SemanticException;
import org.hibernate.query.hql.internal.HqlParseTreeBuilder;
import org.hibernate.query.hql.internal.SemanticQueryBuilder;
import org.hibernate.query.hql.spi.SqmCreationOptions;
import org.hibernate.query.sqm.produce.function.FunctionArgumentException;
import org.hibernate.query.sqm.spi.SqmCreationContext;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmUnaryOperation;
import org.hibernate.query.sqm.tree.predicate.SqmPredicate;

/**
 * Explains Hibernate's own refusals in hibernate-ae's words. Encrypted attributes are {@code VARBINARY} to
 * Hibernate, so it already refuses {@code LIKE}, string functions, {@code min}/{@code max}, {@code avg} and
 * arithmetic on them while reading the HQL, with a type error that names neither the attribute nor the
 * encryption. On that failure path only, this builder reads the query again, remembering each encrypted attribute
 * it meets, and blames the first one inside the operation that fails.
 */
final class HqlTypeErrorDiagnosis extends SemanticQueryBuilder<Object> {
    private final EncryptedPathResolver resolver;
    private final List<EncryptedValue> met = new ArrayList<>();

    private HqlTypeErrorDiagnosis(SqmCreationOptions options, SqmCreationContext context, String hql,
            EncryptedPathResolver resolver) {
        super(null, options, context, hql);
        this.resolver = resolver;
    }

    /** Hibernate type errors the diagnosis explains; unknown attributes and syntax errors stay Hibernate's. */
    static boolean isTypeError(RuntimeException e) {
        return e instanceof FunctionArgumentException || e.getClass() == SemanticException.class;
    }

    /** The guard's error for a query Hibernate refused with {@code failure}, or {@code null} when unrelated. */
    static UnsupportedEncryptedQueryException diagnose(String hql, RuntimeException failure,
            SqmCreationOptions options, SqmCreationContext context, EncryptedPathResolver resolver) {
        try {
            HqlLexer lexer = HqlParseTreeBuilder.INSTANCE.buildHqlLexer(hql);
            HqlParser parser = HqlParseTreeBuilder.INSTANCE.buildHqlParser(hql, lexer);
            lexer.removeErrorListeners();
            parser.removeErrorListeners();
            new HqlTypeErrorDiagnosis(options, context, hql, resolver).visitStatement(parser.statement());
        } catch (UnsupportedEncryptedQueryException found) {
            return new UnsupportedEncryptedQueryException(found.attribute(), found.operation(), found.getMessage(),
                    failure);
        } catch (RuntimeException other) {
            return null;
        }
        return null;
    }

    private <T> T blaming(String operation, Reason reason, Supplier<T> body) {
        int mark = met.size();
        try {
            return body.get();
        } catch (RuntimeException e) {
            if (isTypeError(e) && met.size() > mark) {
                throw Rejections.unsupported(met.get(mark).first(), operation, reason);
            }
            throw e;
        }
    }

    private Object note(Object node) {
        if (node instanceof SqmPath<?> path) {
            EncryptedValue value = resolver.resolve(path);
            if (value != null) {
                met.add(value);
            }
        }
        return node;
    }

    @Override
    public Object visitGeneralPathExpression(HqlParser.GeneralPathExpressionContext ctx) {
        return note(super.visitGeneralPathExpression(ctx));
    }

    @Override
    public Object visitSyntacticPathExpression(HqlParser.SyntacticPathExpressionContext ctx) {
        return note(super.visitSyntacticPathExpression(ctx));
    }

    @Override
    public SqmPredicate visitLikePredicate(HqlParser.LikePredicateContext ctx) {
        String operation = ctx.ILIKE() != null ? "ILIKE" : ctx.REGEXP() != null ? "REGEXP" : "LIKE";
        return blaming(operation, Reason.CONTENT, () -> super.visitLikePredicate(ctx));
    }

    @Override
    public Object visitGenericFunction(HqlParser.GenericFunctionContext ctx) {
        String name = ctx.genericFunctionName().getText().toLowerCase(Locale.ROOT);
        return blaming(name + "()", Reason.forFunction(name), () -> super.visitGenericFunction(ctx));
    }

    @Override
    public SqmExpression<?> visitSubstringFunction(HqlParser.SubstringFunctionContext ctx) {
        return blaming("substring()", Reason.CONTENT, () -> super.visitSubstringFunction(ctx));
    }

    @Override
    public SqmExpression<?> visitTrimFunction(HqlParser.TrimFunctionContext ctx) {
        return blaming("trim()", Reason.CONTENT, () -> super.visitTrimFunction(ctx));
    }

    @Override
    public SqmExpression<?> visitPadFunction(HqlParser.PadFunctionContext ctx) {
        return blaming("pad()", Reason.CONTENT, () -> super.visitPadFunction(ctx));
    }

    @Override
    public Object visitPositionFunction(HqlParser.PositionFunctionContext ctx) {
        return blaming("position()", Reason.CONTENT, () -> super.visitPositionFunction(ctx));
    }

    @Override
    public Object visitOverlayFunction(HqlParser.OverlayFunctionContext ctx) {
        return blaming("overlay()", Reason.CONTENT, () -> super.visitOverlayFunction(ctx));
    }

    @Override
    public SqmExpression<?> visitConcatenationExpression(HqlParser.ConcatenationExpressionContext ctx) {
        return blaming("concat()", Reason.CONTENT, () -> super.visitConcatenationExpression(ctx));
    }

    @Override
    public Object visitCollateFunction(HqlParser.CollateFunctionContext ctx) {
        return blaming("collate()", Reason.CONTENT, () -> super.visitCollateFunction(ctx));
    }

    @Override
    public SqmExpression<?> visitCastFunction(HqlParser.CastFunctionContext ctx) {
        return blaming("cast()", Reason.COMPUTE, () -> super.visitCastFunction(ctx));
    }

    @Override
    public SqmExpression<?> visitFormatFunction(HqlParser.FormatFunctionContext ctx) {
        return blaming("format()", Reason.COMPUTE, () -> super.visitFormatFunction(ctx));
    }

    @Override
    public Object visitExtractFunction(HqlParser.ExtractFunctionContext ctx) {
        return blaming("extract()", Reason.COMPUTE, () -> super.visitExtractFunction(ctx));
    }

    @Override
    public Object visitTruncFunction(HqlParser.TruncFunctionContext ctx) {
        return blaming("trunc()", Reason.COMPUTE, () -> super.visitTruncFunction(ctx));
    }

    @Override
    public Object visitAdditionExpression(HqlParser.AdditionExpressionContext ctx) {
        return blaming("arithmetic (" + ctx.additiveOperator().getText() + ")", Reason.COMPUTE,
                () -> super.visitAdditionExpression(ctx));
    }

    @Override
    public Object visitMultiplicationExpression(HqlParser.MultiplicationExpressionContext ctx) {
        return blaming("arithmetic (" + ctx.multiplicativeOperator().getText() + ")", Reason.COMPUTE,
                () -> super.visitMultiplicationExpression(ctx));
    }

    @Override
    public SqmUnaryOperation<?> visitUnaryExpression(HqlParser.UnaryExpressionContext ctx) {
        return blaming("arithmetic (unary " + ctx.signOperator().getText() + ")", Reason.COMPUTE,
                () -> super.visitUnaryExpression(ctx));
    }
}
