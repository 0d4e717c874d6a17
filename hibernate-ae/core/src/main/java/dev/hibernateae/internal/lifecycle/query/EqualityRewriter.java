package dev.hibernateae.internal.lifecycle.query;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.EncryptionRuntime;
import dev.hibernateae.internal.lifecycle.EqualityForms;
import dev.hibernateae.internal.lifecycle.LifecycleSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.JdbcMappingContainer;
import org.hibernate.metamodel.mapping.SqlExpressible;
import org.hibernate.query.sqm.ComparisonOperator;
import org.hibernate.query.sqm.sql.internal.SqmParameterInterpretation;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.ast.tree.expression.QueryLiteral;
import org.hibernate.sql.ast.tree.predicate.ComparisonPredicate;
import org.hibernate.sql.ast.tree.predicate.GroupedPredicate;
import org.hibernate.sql.ast.tree.predicate.InListPredicate;
import org.hibernate.sql.ast.tree.predicate.Junction;
import org.hibernate.sql.ast.tree.predicate.Predicate;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;

/**
 * Rewrites translated equality predicates on attributes whose stored form is in transition (key rotation, in-place
 * encryption) so that they match every form: {@code col = ?} becomes {@code col in (?, ?)}, {@code col <> ?}
 * becomes {@code col not in (?, ?)}, and each value of an IN list gains its other forms. A comparison that cannot
 * be rewritten (with another column, a function, a subquery) is refused while the transition lasts, never run:
 * cells under two keys cannot be compared in SQL.
 */
final class EqualityRewriter {
    private final EncryptionRuntime runtime;
    private final LifecycleSnapshot state;

    EqualityRewriter(EncryptionRuntime runtime, LifecycleSnapshot state) {
        this.runtime = runtime;
        this.state = state;
    }

    ComparisonPredicate comparison(ComparisonPredicate predicate) {
        if (state.isEmpty()) {
            return predicate;
        }
        Expression left = predicate.getLeftHandExpression();
        Expression right = predicate.getRightHandExpression();
        EncryptedAttributeConverter<?> leftAttribute = attributeOf(left);
        EncryptedAttributeConverter<?> rightAttribute = attributeOf(right);
        if (leftAttribute == null && rightAttribute == null) {
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
        EncryptedAttributeConverter<?> attribute = attributeOf(column) != null ? attributeOf(column)
                : attributeOf(value);
        int others = EqualityForms.otherFormCount(state, attribute);
        if (others == 0) {
            return predicate;
        }
        ComparisonOperator operator = predicate.getOperator();
        List<Expression> forms = forms(value, attribute, others);
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
        if (state.isEmpty()) {
            return predicate;
        }
        EncryptedAttributeConverter<?> attribute = attributeOf(predicate.getTestExpression());
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
        int others = EqualityForms.otherFormCount(state, attribute);
        if (others == 0) {
            return predicate;
        }
        List<Expression> forms = new ArrayList<>();
        for (Expression item : predicate.getListExpressions()) {
            if (!isValue(item)) {
                refuseIfInTransition(attribute, "another column or expression in an IN list");
            }
            forms.addAll(forms(item, attribute, others));
        }
        return new InListPredicate(predicate.getTestExpression(), forms, predicate.isNegated(),
                predicate.getExpressionType());
    }

    /** Refuses a comparison of the attribute with something that has no other forms (a column, a subquery). */
    void refuseIfInTransition(EncryptedAttributeConverter<?> attribute, String other) {
        if (attribute == null) {
            return;
        }
        boolean inTransition = state.rotation(attribute.keyName()) != null
                && state.rotation(attribute.keyName()).rotating()
                || state.transition(attribute.tableName(), attribute.columnName()) != null
                && state.transition(attribute.tableName(), attribute.columnName()).running();
        if (inTransition) {
            throw new AlwaysEncryptedException("Query compares encrypted attribute " + attribute.role() + " with "
                    + other + " while " + describeTransition(attribute) + ": rows hold the value in more than one "
                    + "form until it completes, and such a comparison would silently miss rows. Compare with a "
                    + "parameter or literal (those match every form), or run this query once the job completes "
                    + "(hibernate-ae-cli status)");
        }
    }

    private String describeTransition(EncryptedAttributeConverter<?> attribute) {
        if (state.rotation(attribute.keyName()) != null && state.rotation(attribute.keyName()).rotating()) {
            return "its column encryption key '" + attribute.keyName() + "' is being rotated";
        }
        return "its column " + attribute.tableName() + "." + attribute.columnName() + " is being encrypted or "
                + "decrypted in place";
    }

    /** The value itself, then each of its other forms. */
    private List<Expression> forms(Expression value, EncryptedAttributeConverter<?> attribute, int others) {
        List<Expression> forms = new ArrayList<>(others + 1);
        forms.add(value);
        if (value instanceof QueryLiteral<?> literal) {
            Object stored = literal.getLiteralValue();
            List<byte[]> computed = stored instanceof byte[] bytes
                    ? EqualityForms.otherForms(runtime, attribute, bytes) : List.of();
            for (int i = 0; i < others; i++) {
                Object form = i < computed.size() ? computed.get(i) : stored;
                forms.add(new QueryLiteral<>(form, (SqlExpressible) literal.getExpressionType()));
            }
        } else {
            for (int i = 0; i < others; i++) {
                forms.add(new OtherFormParameter(value, i, attribute, runtime));
            }
        }
        return forms;
    }

    static boolean isValue(Expression expression) {
        // A parameter's JDBC parameter is resolved late (Hibernate may still replace it), so it is not asked here.
        return expression instanceof SqmParameterInterpretation
                || expression instanceof JdbcParameter
                || expression instanceof QueryLiteral<?>;
    }

    /** The encrypted attribute whose converter types this expression, or null. */
    static EncryptedAttributeConverter<?> attributeOf(Expression expression) {
        if (expression == null) {
            return null;
        }
        JdbcMapping mapping;
        try {
            JdbcMappingContainer type = expression.getExpressionType();
            if (type == null || type.getJdbcTypeCount() != 1) {
                return null;
            }
            mapping = type.getSingleJdbcMapping();
        } catch (RuntimeException notBasic) {
            return null;
        }
        BasicValueConverter<?, ?> converter = mapping.getValueConverter();
        if (converter instanceof JpaAttributeConverter<?, ?> jpa
                && jpa.getConverterBean().getBeanInstance() instanceof EncryptedAttributeConverter<?> attribute) {
            return attribute;
        }
        return null;
    }
}
