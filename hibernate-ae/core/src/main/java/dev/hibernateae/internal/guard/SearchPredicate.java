package dev.hibernateae.internal.guard;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.SearchOptions;
import java.util.Locale;
import org.hibernate.query.sqm.ComparisonOperator;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmFunction;
import org.hibernate.query.sqm.tree.expression.SqmLiteral;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.predicate.SqmBetweenPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmComparisonPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmLikePredicate;
import org.hibernate.query.sqm.tree.predicate.SqmPredicate;

/**
 * A predicate that search tokens answer, as the query's semantic tree states it: an attribute that declared the
 * search, compared in exactly the shape the tokens implement with a parameter or a literal.
 * <ul>
 *   <li>{@link Kind#EQUALITY}: {@code e.x = v}, {@code e.x <> v} on a randomized attribute with
 *       {@code @EqualitySearch};</li>
 *   <li>{@link Kind#IGNORE_CASE}: {@code upper(e.x) = upper(v)} or {@code lower(e.x) = lower(v)} (and {@code <>}),
 *       with {@code @IgnoreCaseSearch};</li>
 *   <li>{@link Kind#LIKE}: {@code e.x [not] like v [escape c]}, case-sensitive, with {@code @PrefixSearch} or
 *       {@code @SuffixSearch} (whether {@code v} is a prefix or a suffix pattern is known when it is bound);</li>
 *   <li>{@link Kind#RANGE}: {@code e.x < v} (also {@code <=}, {@code >}, {@code >=}, with the attribute on either
 *       side; {@link #operator} then reads with the attribute on the left) and {@code e.x [not] between v and w}
 *       ({@link #upper} is {@code w}), with {@code @RangeSearch}.</li>
 * </ul>
 * The guard lets these through; the query stage rewrites each into a lookup of tokens. Anything else on such an
 * attribute stays refused as before.
 *
 * @param negated whether the predicate holds when the value does not match ({@code <>}, {@code not like})
 * @param escape the escape character's expression of a {@code LIKE}, or null
 */
public record SearchPredicate(Kind kind, SqmPath<?> path, EncryptedAttributeConverter<?> converter,
        SqmExpression<?> value, SqmExpression<?> escape, boolean negated, ComparisonOperator operator,
        SqmExpression<?> upper) {

    public enum Kind { EQUALITY, IGNORE_CASE, LIKE, RANGE }

    SearchPredicate(Kind kind, SqmPath<?> path, EncryptedAttributeConverter<?> converter, SqmExpression<?> value,
            SqmExpression<?> escape, boolean negated) {
        this(kind, path, converter, value, escape, negated, null, null);
    }

    /** The search {@code predicate} is, or null when it is none (then the usual rules apply). */
    static SearchPredicate of(SqmPredicate predicate, EncryptedPathResolver resolver) {
        if (predicate instanceof SqmComparisonPredicate comparison) {
            return comparison(comparison, resolver);
        }
        if (predicate instanceof SqmLikePredicate like) {
            return like(like, resolver);
        }
        if (predicate instanceof SqmBetweenPredicate between
                && between.getExpression() instanceof SqmPath<?> path && bindable(between.getLowerBound())
                && bindable(between.getUpperBound())) {
            EncryptedAttributeConverter<?> converter = converter(path, resolver);
            if (converter != null && converter.search().range() != null) {
                return new SearchPredicate(Kind.RANGE, path, converter, between.getLowerBound(), null,
                        between.isNegated(), null, between.getUpperBound());
            }
        }
        return null;
    }

    private static SearchPredicate range(SqmComparisonPredicate predicate, EncryptedPathResolver resolver) {
        ComparisonOperator operator = predicate.getSqmOperator();
        SqmExpression<?> left = predicate.getLeftHandExpression();
        SqmExpression<?> right = predicate.getRightHandExpression();
        boolean flipped = !(left instanceof SqmPath<?>);
        SqmExpression<?> column = flipped ? right : left;
        SqmExpression<?> other = flipped ? left : right;
        if (!(column instanceof SqmPath<?> path) || !bindable(other)) {
            return null;
        }
        EncryptedAttributeConverter<?> converter = converter(path, resolver);
        if (converter == null || converter.search().range() == null) {
            return null;
        }
        return new SearchPredicate(Kind.RANGE, path, converter, other, null, false,
                flipped ? operator.invert() : operator, null);
    }

    private static SearchPredicate comparison(SqmComparisonPredicate predicate, EncryptedPathResolver resolver) {
        ComparisonOperator operator = predicate.getSqmOperator();
        if (operator == ComparisonOperator.LESS_THAN || operator == ComparisonOperator.LESS_THAN_OR_EQUAL
                || operator == ComparisonOperator.GREATER_THAN
                || operator == ComparisonOperator.GREATER_THAN_OR_EQUAL) {
            return range(predicate, resolver);
        }
        if (operator != ComparisonOperator.EQUAL && operator != ComparisonOperator.NOT_EQUAL) {
            return null;
        }
        boolean negated = operator == ComparisonOperator.NOT_EQUAL;
        SqmExpression<?> left = predicate.getLeftHandExpression();
        SqmExpression<?> right = predicate.getRightHandExpression();
        for (int side = 0; side < 2; side++) {
            SqmExpression<?> column = side == 0 ? left : right;
            SqmExpression<?> other = side == 0 ? right : left;
            if (column instanceof SqmPath<?> path && bindable(other)) {
                EncryptedAttributeConverter<?> converter = converter(path, resolver);
                if (converter != null && converter.search().equality() != null
                        && converter.attribute().type() == EncryptionType.RANDOMIZED) {
                    return new SearchPredicate(Kind.EQUALITY, path, converter, other, null, negated);
                }
            }
            String function = caseFunction(column);
            if (function != null && function.equals(caseFunction(other))
                    && argument(column) instanceof SqmPath<?> path && bindable(argument(other))) {
                EncryptedAttributeConverter<?> converter = converter(path, resolver);
                if (converter != null && converter.search().ignoreCase() != null) {
                    return new SearchPredicate(Kind.IGNORE_CASE, path, converter, argument(other), null, negated);
                }
            }
        }
        return null;
    }

    private static SearchPredicate like(SqmLikePredicate predicate, EncryptedPathResolver resolver) {
        if (!predicate.isCaseSensitive() || !(predicate.getMatchExpression() instanceof SqmPath<?> path)
                || !bindable(predicate.getPattern())
                || (predicate.getEscapeCharacter() != null && !bindable(predicate.getEscapeCharacter()))) {
            return null;
        }
        EncryptedAttributeConverter<?> converter = converter(path, resolver);
        if (converter == null) {
            return null;
        }
        SearchOptions search = converter.search();
        if (search.prefix() == null && search.suffix() == null) {
            return null;
        }
        return new SearchPredicate(Kind.LIKE, path, converter, predicate.getPattern(),
                predicate.getEscapeCharacter(), predicate.isNegated());
    }

    private static EncryptedAttributeConverter<?> converter(SqmPath<?> path, EncryptedPathResolver resolver) {
        EncryptedValue value = resolver.resolve(path);
        if (value == null || value.columns().size() != 1 || value.columns().get(0) == null) {
            return null;
        }
        return value.columns().get(0).converter();
    }

    private static boolean bindable(SqmExpression<?> expression) {
        return expression instanceof SqmParameter<?> || expression instanceof SqmLiteral<?>;
    }

    /** {@code upper} or {@code lower} when {@code expression} is that function of one argument, else null. */
    private static String caseFunction(SqmExpression<?> expression) {
        if (expression instanceof SqmFunction<?> function && function.getArguments().size() == 1) {
            String name = function.getFunctionName().toLowerCase(Locale.ROOT);
            return name.equals("upper") || name.equals("lower") ? name : null;
        }
        return null;
    }

    private static SqmExpression<?> argument(SqmExpression<?> function) {
        return (SqmExpression<?>) ((SqmFunction<?>) function).getArguments().get(0);
    }
}
