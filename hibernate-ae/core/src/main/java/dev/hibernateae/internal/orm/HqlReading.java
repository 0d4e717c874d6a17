package dev.hibernateae.internal.orm;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.hibernate.QueryException;
import org.hibernate.grammars.hql.HqlLexer;
import org.hibernate.grammars.hql.HqlParser;
import org.hibernate.query.SyntaxException;
import org.hibernate.query.hql.HqlTranslator;
import org.hibernate.query.hql.internal.HqlParseTreeBuilder;
import org.hibernate.query.hql.internal.SemanticQueryBuilder;
import org.hibernate.query.hql.internal.StandardHqlTranslator;
import org.hibernate.query.hql.spi.SemanticPathPart;
import org.hibernate.query.hql.spi.SqmCreationOptions;
import org.hibernate.query.sqm.EntityTypeException;
import org.hibernate.query.sqm.InterpretationException;
import org.hibernate.query.sqm.ParsingException;
import org.hibernate.query.sqm.PathElementException;
import org.hibernate.query.sqm.TerminalPathException;
import org.hibernate.query.sqm.UnknownEntityException;
import org.hibernate.query.sqm.UnknownPathException;
import org.hibernate.query.sqm.spi.SqmCreationContext;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.insert.SqmInsertStatement;
import org.hibernate.query.sqm.tree.update.SqmAssignment;

/**
 * Reads HQL as Hibernate's own reader does (its grammar, its two-stage parse and syntax errors, its semantic
 * builder, its exceptions), with one difference: an {@link AssignedValues} sees the value of every assignment
 * ({@code UPDATE ... SET}, {@code INSERT ... VALUES}) before Hibernate checks its type against the target. Hibernate
 * checks that type while it reads the statement, so this is the only point where a literal can still be given the
 * target's type (an integer literal assigned to an encrypted {@code Long}, which Hibernate sees as {@code VARBINARY}).
 */
public final class HqlReading implements HqlTranslator {

    /** Sees each assigned value, and returns it or a value to assign instead. */
    public interface AssignedValues {
        SqmExpression<?> assigned(SqmPath<?> target, SqmExpression<?> value);
    }

    private final SqmCreationContext context;
    private final SqmCreationOptions options;
    private final AssignedValues assignedValues;

    public HqlReading(SqmCreationContext context, SqmCreationOptions options, AssignedValues assignedValues) {
        this.context = context;
        this.options = options;
        this.assignedValues = assignedValues;
    }

    @Override
    public <R> SqmStatement<R> translate(String hql, Class<R> expectedResultType) {
        HqlParser.StatementContext tree = parse(hql);
        try {
            return new Builder<>(expectedResultType, options, context, hql, assignedValues).visitStatement(tree);
        } catch (QueryException e) {
            throw e;
        } catch (PathElementException | TerminalPathException e) {
            throw new UnknownPathException(e.getMessage(), hql, e);
        } catch (EntityTypeException e) {
            throw new UnknownEntityException(e.getMessage(), e.getReference(), e);
        } catch (AlwaysEncryptedException e) {
            throw e; // hibernate-ae's own refusals pass as they are
        } catch (RuntimeException e) {
            throw new InterpretationException(hql, e);
        }
    }

    /** The fast SLL prediction first; on failure the full LL prediction, whose first syntax error is reported. */
    private static HqlParser.StatementContext parse(String hql) {
        HqlLexer lexer = HqlParseTreeBuilder.INSTANCE.buildHqlLexer(hql);
        HqlParser parser = HqlParseTreeBuilder.INSTANCE.buildHqlParser(hql, lexer);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.statement();
        } catch (ParseCancellationException sllFailed) {
            // Rewinds the token stream the parser reads; the lexer's tokens are buffered there and stay valid.
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                        String message, RecognitionException cause) {
                    throw new SyntaxException(StandardHqlTranslator.prettifyAntlrError(offendingSymbol, line, column,
                            message, cause, hql, true), hql);
                }
            });
            return parser.statement();
        } catch (ParsingException e) {
            throw new QueryException("Failed to interpret HQL syntax [" + e.getMessage() + "]", hql, e);
        }
    }

    /** Hibernate's semantic builder, showing assigned values to {@link AssignedValues} before they are checked. */
    private static final class Builder<R> extends SemanticQueryBuilder<R> {
        private final AssignedValues assignedValues;
        private List<HqlParser.SimplePathContext> insertTargets;
        private SqmPath<?>[] insertTargetPaths;
        private Map<ParseTree, Integer> insertValues;

        Builder(Class<R> expectedResultType, SqmCreationOptions options, SqmCreationContext context, String hql,
                AssignedValues assignedValues) {
            super(expectedResultType, options, context, hql);
            this.assignedValues = assignedValues;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public SqmAssignment<?> visitAssignment(HqlParser.AssignmentContext ctx) {
            SqmAssignment<?> assignment = super.visitAssignment(ctx);
            SqmExpression<?> value = assignedValues.assigned(assignment.getTargetPath(), assignment.getValue());
            return value == assignment.getValue() ? assignment
                    : new SqmAssignment(assignment.getTargetPath(), value);
        }

        /** Notes which parse tree nodes are the targets and which the values of an INSERT ... VALUES. */
        @Override
        public SqmInsertStatement<R> visitInsertStatement(HqlParser.InsertStatementContext ctx) {
            List<HqlParser.SimplePathContext> savedTargets = insertTargets;
            SqmPath<?>[] savedPaths = insertTargetPaths;
            Map<ParseTree, Integer> savedValues = insertValues;
            insertTargets = ctx.targetFields() == null ? List.of() : ctx.targetFields().simplePath();
            insertTargetPaths = new SqmPath<?>[insertTargets.size()];
            insertValues = new IdentityHashMap<>();
            if (ctx.valuesList() != null) {
                for (HqlParser.ValuesContext row : ctx.valuesList().values()) {
                    List<HqlParser.ExpressionOrPredicateContext> values = row.expressionOrPredicate();
                    for (int i = 0; i < values.size(); i++) {
                        insertValues.put(values.get(i), i);
                    }
                }
            }
            try {
                return super.visitInsertStatement(ctx);
            } finally {
                insertTargets = savedTargets;
                insertTargetPaths = savedPaths;
                insertValues = savedValues;
            }
        }

        @Override
        public SemanticPathPart visitSimplePath(HqlParser.SimplePathContext ctx) {
            SemanticPathPart part = super.visitSimplePath(ctx);
            if (insertTargets != null && part instanceof SqmPath<?> path) {
                for (int i = 0; i < insertTargets.size(); i++) {
                    if (insertTargets.get(i) == ctx) {
                        insertTargetPaths[i] = path;
                    }
                }
            }
            return part;
        }

        @Override
        public Object visitExpressionOrPredicate(HqlParser.ExpressionOrPredicateContext ctx) {
            Object value = super.visitExpressionOrPredicate(ctx);
            Integer index = insertValues == null ? null : insertValues.get(ctx);
            if (index != null && index < insertTargetPaths.length && insertTargetPaths[index] != null
                    && value instanceof SqmExpression<?> expression) {
                return assignedValues.assigned(insertTargetPaths[index], expression);
            }
            return value;
        }
    }
}
