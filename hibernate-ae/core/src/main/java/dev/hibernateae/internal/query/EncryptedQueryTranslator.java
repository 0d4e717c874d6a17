package dev.hibernateae.internal.query;

import dev.hibernateae.internal.guard.QueryGuard;
import dev.hibernateae.internal.guard.SearchPredicate;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.hibernate.ValueFormats;
import dev.hibernateae.internal.search.SearchCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.metamodel.mapping.BasicValuedMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.MappingModelExpressible;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBinding;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.spi.QueryParameterImplementor;
import org.hibernate.query.sqm.ComparisonOperator;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.BaseSqmToSqlAstConverter;
import org.hibernate.query.sqm.sql.SqmTranslation;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.expression.SqmHqlNumericLiteral;
import org.hibernate.query.sqm.tree.expression.SqmLiteral;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.predicate.SqmBetweenPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmComparisonPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmInListPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmInSubQueryPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmJunctionPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmLikePredicate;
import org.hibernate.query.sqm.tree.predicate.SqmMemberOfPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmNegatedPredicate;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.ast.tree.expression.QueryLiteral;
import org.hibernate.sql.ast.tree.predicate.BetweenPredicate;
import org.hibernate.sql.ast.tree.predicate.ComparisonPredicate;
import org.hibernate.sql.ast.tree.predicate.ExistsPredicate;
import org.hibernate.sql.ast.tree.predicate.InListPredicate;
import org.hibernate.sql.ast.tree.predicate.InSubQueryPredicate;
import org.hibernate.sql.ast.tree.predicate.Junction;
import org.hibernate.sql.ast.tree.predicate.LikePredicate;
import org.hibernate.sql.ast.tree.predicate.NegatedPredicate;
import org.hibernate.sql.ast.tree.predicate.Predicate;
import org.hibernate.sql.ast.tree.select.QuerySpec;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;

/**
 * Hibernate's SQM-to-SQL translation, with every use of an encrypted attribute tied to one moment of the key
 * lifecycle: the {@link ValueFormats} current when translation starts.
 *
 * <ul>
 *   <li>Literals are converted with those formats (they are pinned while the statement is translated).</li>
 *   <li>Parameters of encrypted attributes get an {@link EncryptedParameterType}, so their values are stored with
 *       those formats when the statement is bound, not with whatever is current by then.</li>
 *   <li>Equality on an attribute stored in more than one form is rewritten by {@link EqualityRewriter} wherever it
 *       appears (where, join, having, subqueries, case, update and delete).</li>
 * </ul>
 * So a statement's shape and every ciphertext bound into it agree, however the lifecycle moves meanwhile.
 */
final class EncryptedQueryTranslator<T extends Statement> extends BaseSqmToSqlAstConverter<T> {
    private final EncryptionRuntime runtime;
    private final ValueFormats formats;
    private final EqualityRewriter rewriter;
    private final DomainParameterXref parameterXref;
    private final QueryParameterBindings parameterBindings;
    private final Map<QueryParameterImplementor<?>, Integer> valuesConsumed = new HashMap<>();
    private final QueryGuard guard;
    private final SearchRewriter searches;
    /** How many {@code NOT}s surround the predicate being translated. */
    private int negations;

    EncryptedQueryTranslator(SqmStatement<?> statement, QueryOptions queryOptions,
            DomainParameterXref domainParameterXref, QueryParameterBindings domainParameterBindings,
            LoadQueryInfluencers loadQueryInfluencers, SqlAstCreationContext creationContext,
            boolean deduplicateSelectionItems, EncryptionRuntime runtime, ValueFormats formats,
            QueryGuard guard, SearchCatalog catalog) {
        super(creationContext, statement, queryOptions, loadQueryInfluencers, domainParameterXref,
                domainParameterBindings, deduplicateSelectionItems);
        this.runtime = runtime;
        this.formats = formats;
        this.rewriter = new EqualityRewriter(formats);
        this.parameterXref = domainParameterXref;
        this.parameterBindings = domainParameterBindings;
        this.guard = guard;
        this.searches = new SearchRewriter(runtime, formats, catalog, domainParameterXref,
                creationContext.getMappingMetamodel().getTypeConfiguration().getBasicTypeForJavaType(byte[].class));
    }

    @Override
    public SqmTranslation<T> translate() {
        try (EncryptionRuntime.Pin pin = runtime.pin(formats)) {
            return super.translate();
        }
    }

    /** Every parameter of the statement passes here, expansions of multi-valued ones included. */
    @Override
    protected Expression consumeSqmParameter(SqmParameter<?> sqmParameter, MappingModelExpressible<?> valueMapping,
            BiConsumer<Integer, JdbcParameter> jdbcParameterConsumer) {
        EncryptedParameterType<?> encrypted = encryptedType(valueMapping);
        if (encrypted == null) {
            return super.consumeSqmParameter(sqmParameter, valueMapping, jdbcParameterConsumer);
        }
        QueryParameterImplementor<?> parameter = parameterXref.getQueryParameter(sqmParameter);
        QueryParameterBinding<?> binding = parameterBindings.getBinding(parameter);
        int valueIndex = -1;
        if (binding.isMultiValued()) {
            // Values of a list are consumed in order, use after use of the parameter.
            int consumed = valuesConsumed.merge(parameter, 1, Integer::sum) - 1;
            valueIndex = consumed % binding.getBindValues().size();
        }
        FormParameter form = new FormParameter(encrypted, parameter, valueIndex);
        // Hibernate keeps its own JDBC parameter for the value; what the SQL shows and binds is the form.
        super.consumeSqmParameter(sqmParameter, encrypted, (index, jdbcParameter) ->
                jdbcParameterConsumer.accept(index, form));
        return form;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private EncryptedParameterType<?> encryptedType(MappingModelExpressible<?> valueMapping) {
        if (valueMapping == null || valueMapping.getJdbcTypeCount() != 1) {
            return null;
        }
        JdbcMapping mapping = valueMapping.getSingleJdbcMapping();
        if (mapping instanceof EncryptedParameterType<?> already) {
            return already;
        }
        EncryptedAttribute<?> attribute = EqualityRewriter.attributeOf(mapping);
        if (attribute == null) {
            return null;
        }
        return new EncryptedParameterType(attribute, formats, mapping.getMappedJavaType(), 0);
    }

    /** A literal of another numeric type than the encrypted attribute it meets is converted first, if losslessly. */
    @Override
    public Expression visitLiteral(SqmLiteral<?> literal) {
        Expression converted = numericLiteral(literal.getLiteralValue());
        return converted != null ? converted : super.visitLiteral(literal);
    }

    @Override
    public <N extends Number> Expression visitHqlNumericLiteral(SqmHqlNumericLiteral<N> literal) {
        Expression converted = numericLiteral(NumericLiterals.parse(literal));
        return converted != null ? converted : super.visitHqlNumericLiteral(literal);
    }

    /** The literal converted for the encrypted numeric attribute it is compared with or assigned to, else null. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Expression numericLiteral(Object value) {
        if (!(getInferredValueMapping() instanceof BasicValuedMapping mapping)) {
            return null;
        }
        EncryptedAttribute<?> attribute = EqualityRewriter.attributeOf(mapping.getJdbcMapping());
        Number converted = attribute == null ? null : NumericLiterals.forAttribute(value, attribute);
        if (converted == null) {
            return null;
        }
        BasicValueConverter converter = mapping.getJdbcMapping().getValueConverter();
        return new QueryLiteral<>(converter.toRelationalValue(converted), mapping);
    }

    @Override
    public ComparisonPredicate visitComparisonPredicate(SqmComparisonPredicate predicate) {
        SearchPredicate search = guard.search(predicate);
        if (search != null) {
            Expression column = (Expression) search.path().accept(this);
            return new SearchComparison(column, searches.rewrite(search, column, negations > 0));
        }
        return rewriter.comparison(super.visitComparisonPredicate(predicate));
    }

    @Override
    public LikePredicate visitLikePredicate(SqmLikePredicate predicate) {
        SearchPredicate search = guard.search(predicate);
        if (search != null) {
            Expression column = (Expression) search.path().accept(this);
            return new SearchLike(column, searches.rewrite(search, column, negations > 0));
        }
        return super.visitLikePredicate(predicate);
    }

    @Override
    public BetweenPredicate visitBetweenPredicate(
            SqmBetweenPredicate predicate) {
        SearchPredicate search = guard.search(predicate);
        if (search != null) {
            Expression column = (Expression) search.path().accept(this);
            return new SearchBetween(column, searches.rewrite(search, column, negations > 0));
        }
        return super.visitBetweenPredicate(predicate);
    }

    @Override
    public NegatedPredicate visitNegatedPredicate(SqmNegatedPredicate predicate) {
        negations++;
        try {
            return super.visitNegatedPredicate(predicate);
        } finally {
            negations--;
        }
    }

    @Override
    public Junction visitJunctionPredicate(SqmJunctionPredicate predicate) {
        int added = predicate.isNegated() ? 1 : 0;
        negations += added;
        try {
            return super.visitJunctionPredicate(predicate);
        } finally {
            negations -= added;
        }
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
        if (translated instanceof InSubQueryPredicate in) {
            return memberOfAsExists(in);
        }
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

    /**
     * Hibernate 7.1 and earlier translate {@code :value member of e.collection} to {@code ? in (select element ...)},
     * whose test value cannot gain the other forms of a value in transition. When it must, the comparison moves into
     * the subquery under {@code EXISTS}, the shape 7.2 and later build, and is rewritten there; a subquery of more
     * than one column (an embeddable element) is refused while in transition.
     */
    private Predicate memberOfAsExists(InSubQueryPredicate in) {
        QuerySpec subquery = in.getSubQuery().getQueryPart().getFirstQuerySpec();
        var selections = subquery.getSelectClause().getSqlSelections();
        if (selections.size() != 1) {
            rewriter.refuseIfInTransition(EqualityRewriter.attributeOf(in.getTestExpression()),
                    "a collection (member of)");
            return in;
        }
        ComparisonPredicate comparison = new ComparisonPredicate(selections.get(0).getExpression(),
                ComparisonOperator.EQUAL, in.getTestExpression());
        ComparisonPredicate rewritten = rewriter.comparison(comparison);
        if (rewritten == comparison) {
            return in;
        }
        subquery.applyPredicate(rewritten);
        return new ExistsPredicate(in.getSubQuery(), in.isNegated(), in.getExpressionType());
    }
}
