package dev.hibernateae.internal.query;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.crypto.SearchTokenHash;
import dev.hibernateae.internal.guard.SearchPredicate;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.hibernate.ValueFormats;
import dev.hibernateae.internal.search.LikePattern;
import dev.hibernateae.internal.search.SearchCatalog;
import dev.hibernateae.internal.search.SearchScheme;
import dev.hibernateae.internal.search.SearchTokens;
import dev.hibernateae.internal.search.SearchableColumn;
import dev.hibernateae.internal.search.TokenKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.metamodel.mapping.JdbcMappingContainer;
import org.hibernate.query.spi.QueryParameterBinding;
import org.hibernate.query.spi.QueryParameterImplementor;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.tree.expression.JpaCriteriaParameter;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmLiteral;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.sql.ast.tree.expression.ColumnReference;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.predicate.Predicate;
import org.hibernate.sql.ast.tree.predicate.SelfRenderingPredicate;
import org.hibernate.sql.exec.ExecutionException;
import org.hibernate.sql.exec.spi.ExecutionContext;

/**
 * Rewrites a {@link SearchPredicate} into a {@link TokenLookup}: the tokens are computed when the statement is bound,
 * from the query's parameter bindings (or the literal), under the key of the formats the query was translated with.
 */
final class SearchRewriter {
    /**
     * Bound in the places a search does not fill, and when a range matches no value of the domain: no token equals it
     * (tokens are 128-bit HMACs).
     */
    static final byte[] NO_TOKEN = new byte[SearchTokenHash.TOKEN_LENGTH];

    private final EncryptionRuntime runtime;
    private final ValueFormats formats;
    private final SearchCatalog catalog;
    private final DomainParameterXref parameterXref;
    private final JdbcMappingContainer binary;

    SearchRewriter(EncryptionRuntime runtime, ValueFormats formats, SearchCatalog catalog,
            DomainParameterXref parameterXref, JdbcMappingContainer binary) {
        this.binary = binary;
        this.runtime = runtime;
        this.formats = formats;
        this.catalog = catalog;
        this.parameterXref = parameterXref;
    }

    /**
     * @param path the translated attribute path
     * @param underNot whether a surrounding {@code NOT} applies to the result
     */
    Predicate rewrite(SearchPredicate search, Expression path, boolean underNot) {
        SearchableColumn column = catalog.column(search.converter().attribute());
        ColumnReference columnReference = path == null ? null : path.getColumnReference();
        String operation = operation(search);
        if (column == null || columnReference == null) {
            throw new UnsupportedEncryptedQueryException(search.converter().attribute().simpleRole(), operation,
                    "Cannot search " + search.converter().attribute().role() + " here: its tokens are not known to "
                    + "this session factory, or the attribute is not reached as a column of its table");
        }
        Map<SearchScheme, List<SearchTokenHash>> hashes = new EnumMap<>(SearchScheme.class);
        int slots = 0;
        for (SearchScheme scheme : schemes(search)) {
            if (column.supports(scheme)) {
                List<SearchTokenHash> keys = TokenKeys.forQuery(runtime, formats, column, scheme, operation);
                hashes.put(scheme, keys);
                slots = Math.max(slots, keys.size() * (scheme == SearchScheme.RANGE
                        ? SearchTokens.maxRangeTokens(column) : column.contention(scheme)));
            }
        }
        Function<ExecutionContext, Object> value = valueOf(search.value(), column, operation);
        Function<ExecutionContext, Object> second = search.escape() != null ? valueOf(search.escape(), column, "ESCAPE")
                : search.upper() != null ? valueOf(search.upper(), column, operation) : context -> null;
        LastInputs<List<byte[]>> computed = new LastInputs<>(inputs -> tokens(search, column, hashes, inputs.get(0),
                inputs.get(1), operation));
        Function<ExecutionContext, List<byte[]>> tokens = context -> computed.apply(
                Arrays.asList(value.apply(context), second.apply(context)));
        List<TokenParameter> parameters = new ArrayList<>(slots);
        for (int slot = 0; slot < slots; slot++) {
            parameters.add(new TokenParameter(tokens, slot, binary));
        }
        ColumnReference ownerKey = new ColumnReference(columnReference.getQualifier(),
                column.tokens().ownerKeyColumn(), false, null, columnReference.getJdbcMapping());
        return new SelfRenderingPredicate(new TokenLookup(ownerKey, columnReference, column.tokens(), parameters,
                search.negated(), underNot));
    }

    /**
     * @param second the escape character of a {@code LIKE}, or the upper bound of a {@code BETWEEN}
     */
    private static List<byte[]> tokens(SearchPredicate search, SearchableColumn column,
            Map<SearchScheme, List<SearchTokenHash>> hashes, Object value, Object second, String operation) {
        String role = column.attribute().role();
        if (value == null || (search.upper() != null && second == null)) {
            throw new UnsupportedEncryptedQueryException(column.attribute().simpleRole(), operation, "A search on "
                    + role + " was given null; compare with IS NULL instead");
        }
        switch (search.kind()) {
            case EQUALITY -> {
                if (!column.attribute().javaType().isInstance(value)) {
                    throw wrongType(column, operation, column.attribute().javaType());
                }
                return underEach(hashes.get(SearchScheme.EQUALITY), hash -> SearchTokens.query(column,
                        SearchScheme.EQUALITY, value, hash));
            }
            case RANGE -> {
                Object low = bound(column, value, operation);
                var encoding = column.range().encoding();
                var interval = search.upper() != null ? encoding.between(low, bound(column, second, operation))
                        : encoding.interval(RangeOperators.of(search.operator()), low);
                List<byte[]> tokens = underEach(hashes.get(SearchScheme.RANGE), hash -> SearchTokens.range(column,
                        interval, hash));
                return tokens.isEmpty() ? List.of(NO_TOKEN) : tokens;
            }
            case IGNORE_CASE -> {
                if (!(value instanceof String text)) {
                    throw wrongType(column, operation, String.class);
                }
                return underEach(hashes.get(SearchScheme.IGNORE_CASE), hash -> SearchTokens.query(column,
                        SearchScheme.IGNORE_CASE, text, hash));
            }
            default -> {
                if (!(value instanceof String pattern)) {
                    throw wrongType(column, operation, String.class);
                }
                LikePattern like = LikePattern.parse(pattern, escapeCharacter(second, column));
                if (like == null || !column.supports(like.scheme())) {
                    throw new UnsupportedEncryptedQueryException(column.attribute().simpleRole(), "LIKE", "A LIKE "
                            + "pattern on " + role + " must be " + accepted(column) + " (without other % or _), "
                            + "as its search annotations declare; this one is not. Searching inside values is not "
                            + "supported");
                }
                return underEach(hashes.get(like.scheme()), hash -> SearchTokens.query(column, like.scheme(),
                        like.text(), hash));
            }
        }
    }

    /** The tokens of a search under each of the keys rows' tokens may be under, one key after the other. */
    private static List<byte[]> underEach(List<SearchTokenHash> hashes, Function<SearchTokenHash, List<byte[]>> of) {
        if (hashes.size() == 1) {
            return of.apply(hashes.get(0));
        }
        List<byte[]> tokens = new ArrayList<>();
        for (SearchTokenHash hash : hashes) {
            tokens.addAll(of.apply(hash));
        }
        return tokens;
    }

    /**
     * A range bound of the attribute's type: a number of another numeric type is converted when no digit is lost
     * (as for a literal), else refused.
     */
    private static Object bound(SearchableColumn column, Object value, String operation) {
        Class<?> type = column.attribute().javaType();
        if (type.isInstance(value)) {
            return value;
        }
        Object converted = value instanceof Number number ? NumericLiterals.forAttribute(number, column.attribute())
                : null;
        if (converted == null) {
            throw wrongType(column, operation, type);
        }
        return converted;
    }

    private static Character escapeCharacter(Object escape, SearchableColumn column) {
        if (escape == null) {
            return null;
        }
        if (escape instanceof Character c) {
            return c;
        }
        if (escape instanceof String s && s.length() == 1) {
            return s.charAt(0);
        }
        throw new UnsupportedEncryptedQueryException(column.attribute().simpleRole(), "ESCAPE", "The escape of a "
                + "LIKE on " + column.attribute().role() + " must be one character");
    }

    private static String accepted(SearchableColumn column) {
        List<String> shapes = new ArrayList<>();
        if (column.supports(SearchScheme.PREFIX)) {
            shapes.add("'prefix%'");
        }
        if (column.supports(SearchScheme.SUFFIX)) {
            shapes.add("'%suffix'");
        }
        return String.join(" or ", shapes);
    }

    private static UnsupportedEncryptedQueryException wrongType(SearchableColumn column, String operation,
            Class<?> expected) {
        return new UnsupportedEncryptedQueryException(column.attribute().simpleRole(), operation, "A search on "
                + column.attribute().role() + " must be given a " + expected.getName());
    }

    private Function<ExecutionContext, Object> valueOf(SqmExpression<?> expression, SearchableColumn column,
            String operation) {
        if (expression instanceof SqmLiteral<?> literal) {
            Object constant = literal.getLiteralValue();
            return context -> constant;
        }
        SqmParameter<?> sqmParameter = (SqmParameter<?>) expression;
        if (expression instanceof JpaCriteriaParameter<?> criteria) {
            // A Criteria parameter is bound through the wrapper the statement's parameters were resolved to.
            SqmParameter<?> wrapper = parameterXref.getParameterResolutions().getJpaCriteriaParamResolutions()
                    .get(criteria);
            sqmParameter = wrapper != null ? wrapper : sqmParameter;
        }
        QueryParameterImplementor<?> parameter = parameterXref.getQueryParameter(sqmParameter);
        return context -> {
            QueryParameterBinding<?> binding = context.getQueryParameterBindings().getBinding(parameter);
            if (binding == null || !binding.isBound()) {
                throw new ExecutionException("Query parameter " + parameter + " of a search on "
                        + column.attribute().role() + " is not bound");
            }
            if (binding.isMultiValued()) {
                throw new UnsupportedEncryptedQueryException(column.attribute().simpleRole(), operation, "A search on "
                        + column.attribute().role() + " takes one value, not a list");
            }
            return binding.getBindValue();
        };
    }

    private static List<SearchScheme> schemes(SearchPredicate search) {
        return switch (search.kind()) {
            case EQUALITY -> List.of(SearchScheme.EQUALITY);
            case IGNORE_CASE -> List.of(SearchScheme.IGNORE_CASE);
            case LIKE -> List.of(SearchScheme.PREFIX, SearchScheme.SUFFIX);
            case RANGE -> List.of(SearchScheme.RANGE);
        };
    }

    private static String operation(SearchPredicate search) {
        return switch (search.kind()) {
            case EQUALITY -> search.negated() ? "<>" : "=";
            case IGNORE_CASE -> "upper()/lower() =";
            case LIKE -> search.negated() ? "NOT LIKE" : "LIKE";
            case RANGE -> search.upper() != null ? (search.negated() ? "NOT BETWEEN" : "BETWEEN")
                    : search.operator().sqlText().trim();
        };
    }
}
