package dev.hibernateae.internal.query;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.ValueFormat;
import dev.hibernateae.internal.hibernate.ValueFormats;
import dev.hibernateae.internal.orm.OrmInternals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.JdbcMappingContainer;
import org.hibernate.metamodel.mapping.SqlExpressible;
import org.hibernate.query.sqm.ComparisonOperator;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.ast.tree.expression.QueryLiteral;
import org.hibernate.sql.ast.tree.predicate.ComparisonPredicate;
import org.hibernate.sql.ast.tree.predicate.GroupedPredicate;
import org.hibernate.sql.ast.tree.predicate.InListPredicate;
import org.hibernate.sql.ast.tree.predicate.Junction;
import org.hibernate.sql.ast.tree.predicate.Predicate;

/**
 * Rewrites translated equality predicates on attributes whose values are stored in more than one form (during a key
 * rotation, or in a plaintext window) so that they match every form, as the formats of the query's one snapshot
 * say: {@code col = ?} becomes {@code col in (?, ?)}, {@code col <> ?} becomes {@code col not in (?, ?)}, and each
 * value of an IN list gains its other forms. A comparison that cannot be rewritten (with another column, a
 * function, a subquery) is refused while the attribute has more than one form, never run: cells under two keys
 * cannot be compared in SQL.
 */
final class EqualityRewriter {
    private final ValueFormats formats;

    EqualityRewriter(ValueFormats formats) {
        this.formats = formats;
    }

    ComparisonPredicate comparison(ComparisonPredicate predicate) {
        Expression left = predicate.getLeftHandExpression();
        Expression right = predicate.getRightHandExpression();
        EncryptedAttribute<?> leftAttribute = attributeOf(left);
        EncryptedAttribute<?> rightAttribute = attributeOf(right);
        if (leftAttribute == null && rightAttribute == null) {
            refuseTupleInTransition(left, right);
            return predicate;
        }
        boolean leftValue = isValue(left);
        boolean rightValue = isValue(right);
        if (leftValue == rightValue) {
            refuseIfInTransition(leftAttribute, "another column or expression");
            refuseIfInTransition(rightAttribute, "another column or expression");
            return predicate;
        }
        Expression column = leftValue ? right : left;
        Expression value = leftValue ? left : right;
        EncryptedAttribute<?> attribute = attributeOf(column) != null ? attributeOf(column) : attributeOf(value);
        int count = formats.format(attribute).equalityFormCount();
        if (count == 1) {
            return predicate;
        }
        ComparisonOperator operator = predicate.getOperator();
        List<Expression> forms = forms(value, attribute, count);
        switch (operator) {
            case EQUAL, NOT_EQUAL -> {
                return new AnyFormPredicate(predicate, new InListPredicate(column, forms,
                        operator == ComparisonOperator.NOT_EQUAL, predicate.getExpressionType()));
            }
            case NOT_DISTINCT_FROM, DISTINCT_FROM -> {
                boolean any = operator == ComparisonOperator.NOT_DISTINCT_FROM;
                Junction junction = new Junction(any ? Junction.Nature.DISJUNCTION : Junction.Nature.CONJUNCTION,
                        predicate.getExpressionType());
                for (Expression form : forms) {
                    junction.add(new ComparisonPredicate(column, operator, form, predicate.getExpressionType()));
                }
                return new AnyFormPredicate(predicate, new GroupedPredicate(junction));
            }
            default -> {
                // Ordering comparisons on cells mean nothing in any state; the query guard refuses them.
                return predicate;
            }
        }
    }

    Predicate inList(InListPredicate predicate) {
        EncryptedAttribute<?> attribute = attributeOf(predicate.getTestExpression());
        if (attribute == null) {
            for (Expression item : predicate.getListExpressions()) {
                attribute = attributeOf(item);
                if (attribute != null) {
                    break;
                }
            }
        }
        if (attribute == null) {
            return predicate;
        }
        if (isValue(predicate.getTestExpression())) {
            refuseIfInTransition(attribute, "a list of columns");
            return predicate;
        }
        int count = formats.format(attribute).equalityFormCount();
        if (count == 1) {
            return predicate;
        }
        List<Expression> forms = new ArrayList<>();
        for (Expression item : predicate.getListExpressions()) {
            if (!isValue(item)) {
                refuseIfInTransition(attribute, "another column or expression in an IN list");
            }
            forms.addAll(forms(item, attribute, count));
        }
        return new InListPredicate(predicate.getTestExpression(), forms, predicate.isNegated(),
                predicate.getExpressionType());
    }

    /** Refuses a comparison of the attribute with something that has no other forms (a column, a subquery). */
    void refuseIfInTransition(EncryptedAttribute<?> attribute, String other) {
        if (attribute != null && !formats.format(attribute).singleForm()) {
            throw new UnsupportedEncryptedQueryException(attribute.simpleRole(), "=", "Query compares encrypted "
                    + "attribute " + attribute.role() + " with " + other + " while its values are stored in more "
                    + "than one form (its key is being rotated, or its column moves between plaintext and cells): "
                    + "such a comparison would silently miss rows. Compare with a parameter or literal (those match "
                    + "every form), or run this query once the job completes (hibernate-ae-cli status)");
        }
    }

    /** An embeddable compared as a whole is not rewritten column by column: refused while a part has two forms. */
    private void refuseTupleInTransition(Expression left, Expression right) {
        for (Expression side : new Expression[] {left, right}) {
            JdbcMappingContainer type = side == null ? null : side.getExpressionType();
            if (type == null || type.getJdbcTypeCount() < 2) {
                continue;
            }
            for (int i = 0; i < type.getJdbcTypeCount(); i++) {
                refuseIfInTransition(attributeOf(type.getJdbcMapping(i)), "a value compared as a whole (an "
                        + "embeddable)");
            }
        }
    }

    /** The value itself, then each of its other forms. */
    private List<Expression> forms(Expression value, EncryptedAttribute<?> attribute, int count) {
        List<Expression> forms = new ArrayList<>(count);
        forms.add(value);
        if (value instanceof QueryLiteral<?> literal) {
            // Converted when the query was translated, with this query's formats: other forms come from it once.
            ValueFormat format = formats.format(attribute);
            byte[] plaintext = format.load((byte[]) literal.getLiteralValue());
            try {
                for (int i = 1; i < count; i++) {
                    forms.add(new QueryLiteral<>(format.equalityForm(plaintext, i),
                            (SqlExpressible) literal.getExpressionType()));
                }
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
            return forms;
        }
        if (!(value instanceof FormParameter primary)) {
            throw new UnsupportedEncryptedQueryException(attribute.simpleRole(), "=", "A parameter compared with "
                    + attribute.role() + " was not translated by hibernate-ae, so its other stored forms cannot be "
                    + "bound while the attribute's key is rotated or its column moves between plaintext and cells. "
                    + "Run this query once the job completes (hibernate-ae-cli status)");
        }
        EncryptedParameterType<?> type = (EncryptedParameterType<?>) primary.getExpressionType();
        for (int i = 1; i < count; i++) {
            forms.add(primary.inForm(parameterType(type, i)));
        }
        return forms;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private EncryptedParameterType<?> parameterType(EncryptedParameterType<?> primary, int form) {
        return new EncryptedParameterType(primary.attribute(), formats, primary.getJavaTypeDescriptor(), form);
    }

    static boolean isValue(Expression expression) {
        // A parameter's JDBC parameter is resolved late (Hibernate may still replace it), so it is not asked here.
        return OrmInternals.isUnsettledParameter(expression)
                || expression instanceof JdbcParameter
                || expression instanceof QueryLiteral<?>;
    }

    private static JdbcMapping typeOf(Expression expression) {
        try {
            JdbcMappingContainer type = expression.getExpressionType();
            return type == null || type.getJdbcTypeCount() != 1 ? null : type.getSingleJdbcMapping();
        } catch (RuntimeException notBasic) {
            return null;
        }
    }

    /** The encrypted attribute that types this expression (its column, or a parameter bound for it), or null. */
    static EncryptedAttribute<?> attributeOf(Expression expression) {
        return expression == null ? null : attributeOf(typeOf(expression));
    }

    static EncryptedAttribute<?> attributeOf(JdbcMapping mapping) {
        if (mapping instanceof EncryptedParameterType<?> parameter) {
            return parameter.attribute();
        }
        EncryptedAttributeConverter<?> converter = EncryptedAttributeConverter.behind(mapping);
        return converter == null ? null : converter.attribute();
    }
}
