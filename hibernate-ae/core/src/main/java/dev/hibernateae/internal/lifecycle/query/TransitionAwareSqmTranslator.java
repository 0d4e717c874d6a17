package dev.hibernateae.internal.lifecycle.query;

import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.lifecycle.LifecycleSnapshot;
import java.util.List;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.internal.StandardSqmTranslator;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.predicate.SqmComparisonPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmInListPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmInSubQueryPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmMemberOfPredicate;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.predicate.ComparisonPredicate;
import org.hibernate.sql.ast.tree.predicate.ExistsPredicate;
import org.hibernate.sql.ast.tree.predicate.InListPredicate;
import org.hibernate.sql.ast.tree.predicate.InSubQueryPredicate;
import org.hibernate.sql.ast.tree.predicate.Junction;
import org.hibernate.sql.ast.tree.predicate.Predicate;
import org.hibernate.sql.ast.tree.select.QuerySpec;

/**
 * Hibernate's standard SQM-to-SQL translator, with equality on attributes in transition rewritten by
 * {@link EqualityRewriter} as each predicate is translated, wherever it appears (where, join, having, subqueries,
 * case, update and delete). The lifecycle state is read once per translation, so one statement sees one state.
 */
final class TransitionAwareSqmTranslator<T extends Statement> extends StandardSqmTranslator<T> {
    private final EqualityRewriter rewriter;

    TransitionAwareSqmTranslator(SqmStatement<?> statement, QueryOptions queryOptions,
            DomainParameterXref domainParameterXref, QueryParameterBindings domainParameterBindings,
            LoadQueryInfluencers loadQueryInfluencers, SqlAstCreationContext creationContext,
            boolean deduplicateSelectionItems, EncryptionRuntime runtime, LifecycleSnapshot state) {
        super(statement, queryOptions, domainParameterXref, domainParameterBindings, loadQueryInfluencers,
                creationContext, deduplicateSelectionItems);
        this.rewriter = new EqualityRewriter(runtime, state);
    }

    @Override
    public ComparisonPredicate visitComparisonPredicate(SqmComparisonPredicate predicate) {
        return rewriter.comparison(super.visitComparisonPredicate(predicate));
    }

    @Override
    public Predicate visitInListPredicate(SqmInListPredicate<?> predicate) {
        Predicate translated = super.visitInListPredicate(predicate);
        return translated instanceof InListPredicate in ? rewriter.inList(in) : translated;
    }

    @Override
    public InSubQueryPredicate visitInSubQueryPredicate(SqmInSubQueryPredicate<?> predicate) {
        InSubQueryPredicate translated = super.visitInSubQueryPredicate(predicate);
        rewriter.refuseIfInTransition(EqualityRewriter.attributeOf(translated.getTestExpression()), "a subquery");
        List<?> selections = translated.getSubQuery().getQueryPart().getFirstQuerySpec().getSelectClause()
                .getSqlSelections();
        if (selections.size() == 1) {
            Expression selected = translated.getSubQuery().getQueryPart().getFirstQuerySpec().getSelectClause()
                    .getSqlSelections().get(0).getExpression();
            rewriter.refuseIfInTransition(EqualityRewriter.attributeOf(selected), "a subquery");
        }
        return translated;
    }

    /**
     * {@code :value member of e.collection} is translated to an EXISTS subquery whose element comparison is built
     * without {@link #visitComparisonPredicate}; that comparison is rewritten in place.
     */
    @Override
    public Predicate visitMemberOfPredicate(SqmMemberOfPredicate predicate) {
        Predicate translated = super.visitMemberOfPredicate(predicate);
        if (!(translated instanceof ExistsPredicate exists)) {
            return translated;
        }
        QuerySpec subquery = exists.getExpression().getQueryPart().getFirstQuerySpec();
        if (subquery.getWhereClauseRestrictions() instanceof Junction junction) {
            List<Predicate> predicates = junction.getPredicates();
            for (int i = 0; i < predicates.size(); i++) {
                if (predicates.get(i) instanceof ComparisonPredicate comparison
                        && !(comparison instanceof AnyFormPredicate)) {
                    predicates.set(i, rewriter.comparison(comparison));
                }
            }
        } else if (subquery.getWhereClauseRestrictions() instanceof ComparisonPredicate comparison
                && rewriter.comparison(comparison) != comparison) {
            // Not the shape Hibernate builds today: refuse rather than run an unrewritten comparison.
            rewriter.refuseIfInTransition(EqualityRewriter.attributeOf(comparison.getLeftHandExpression()),
                    "a collection (member of)");
        }
        return translated;
    }
}
