package dev.hibernateae.internal.guard;

import java.util.List;
import org.hibernate.query.sqm.tree.domain.SqmElementAggregateFunction;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmAny;
import org.hibernate.query.sqm.tree.expression.SqmEvery;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmFunction;
import org.hibernate.query.sqm.tree.expression.SqmLiteral;
import org.hibernate.query.sqm.tree.expression.SqmModifiedSubQueryExpression;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.select.SqmQueryPart;
import org.hibernate.query.sqm.tree.select.SqmSelectableNode;
import org.hibernate.query.sqm.tree.select.SqmSubQuery;

/**
 * The rules for where ciphertext may meet other values: equality with parameters, literals and attributes encrypted
 * the same way, and assignment from those. Everything else is refused with an error that says why.
 */
final class OperandRules {
    private final EncryptedPathResolver resolver;
    private final ParameterUses parameters;
    private final LiteralRule literals;

    OperandRules(EncryptedPathResolver resolver, ParameterUses parameters, LiteralRule literals) {
        this.resolver = resolver;
        this.parameters = parameters;
        this.literals = literals;
    }

    Operand classify(SqmExpression<?> expression) {
        if (expression instanceof SqmParameter<?> || expression instanceof SqmLiteral<?>) {
            return new Operand.Bindable(expression);
        }
        if (expression instanceof SqmElementAggregateFunction<?> aggregate) {
            refuseElementAggregate(aggregate);
        }
        if (expression instanceof SqmPath<?> path) {
            EncryptedValue value = resolver.resolve(path);
            return value == null ? new Operand.Plain(expression) : new Operand.Encrypted(expression, value, null);
        }
        SqmSubQuery<?> subquery = subqueryOf(expression);
        if (subquery != null) {
            EncryptedValue value = selectedValue(subquery.getQueryPart());
            return value == null ? new Operand.Plain(expression) : new Operand.Encrypted(expression, value, subquery);
        }
        return new Operand.Plain(expression);
    }

    /**
     * {@code maxelement()}, {@code minelement()}, {@code max(elements())} and the like aggregate a collection's
     * elements in SQL: over ciphertext the database would pick a cell by its bytes, not by its value.
     */
    void refuseElementAggregate(SqmElementAggregateFunction<?> aggregate) {
        EncryptedValue value = resolver.resolve(aggregate);
        if (value != null) {
            String name = aggregate.getFunctionName().toLowerCase(java.util.Locale.ROOT);
            throw Rejections.unsupported(value.first(), name + "()", name.startsWith("max") || name.startsWith("min")
                    ? Reason.ORDER : Reason.COMPUTE);
        }
    }

    /** The selection of a node in a select clause, as an operand (a dynamic instantiation is plain). */
    Operand classify(SqmSelectableNode<?> node) {
        return node instanceof SqmExpression<?> expression ? classify(expression) : null;
    }

    /** What a single-column query part selects when it selects ciphertext, else {@code null}. */
    EncryptedValue selectedValue(SqmQueryPart<?> part) {
        List<SqmSelectableNode<?>> selections = WalkContext.selectedNodes(part.getFirstQuerySpec());
        if (selections.size() != 1) {
            return null;
        }
        return classify(selections.get(0)) instanceof Operand.Encrypted e ? e.value() : null;
    }

    static SqmSubQuery<?> subqueryOf(SqmExpression<?> expression) {
        if (expression instanceof SqmSubQuery<?> subquery) {
            return subquery;
        }
        if (expression instanceof SqmAny<?> any) {
            return any.getSubquery();
        }
        if (expression instanceof SqmEvery<?> every) {
            return every.getSubquery();
        }
        if (expression instanceof SqmModifiedSubQueryExpression<?> modified) {
            return modified.getSubQuery();
        }
        return null;
    }

    /**
     * Checks an equality-like comparison ({@code =}, {@code <>}, {@code IN}, {@code MEMBER OF}) between two operands.
     * Nothing to check when neither holds ciphertext.
     */
    void compare(String operation, Operand a, Operand b) {
        Operand.Encrypted encrypted = a instanceof Operand.Encrypted e ? e : b instanceof Operand.Encrypted e ? e : null;
        if (encrypted == null) {
            plainUse(a, operation);
            plainUse(b, operation);
            return;
        }
        Operand other = encrypted == a ? b : a;
        requireDeterministic(encrypted.value(), operation);
        if (other instanceof Operand.Bindable bindable) {
            bound(bindable, encrypted.value(), operation);
        } else if (other instanceof Operand.Encrypted second) {
            requireDeterministic(second.value(), operation);
            requireInterchangeable(encrypted.value(), second.value(), operation);
        } else {
            throw Rejections.mixed(encrypted.value().first(), operation, describe(other));
        }
    }

    /** A parameter or literal a search compares with the attribute: bound for it, as an equality's would be. */
    void searched(String operation, EncryptedValue value, Operand.Bindable bindable) {
        bound(bindable, value, operation);
    }

    /** Checks {@code SET target = value} and the columns of {@code INSERT}. */
    void assign(String operation, SqmPath<?> target, Operand value) {
        EncryptedValue targetValue = resolver.resolve(target);
        if (targetValue == null) {
            if (value instanceof Operand.Encrypted encrypted) {
                throw Rejections.unencryptedWrite(encrypted.value().first(), operation,
                        "plain attribute " + resolver.name(target));
            }
            plainUse(value, operation);
            return;
        }
        if (value instanceof Operand.Bindable bindable) {
            bound(bindable, targetValue, operation);
        } else if (value instanceof Operand.Encrypted encrypted) {
            requireInterchangeable(targetValue, encrypted.value(), operation);
        } else {
            throw Rejections.unencryptedWrite(targetValue.first(), operation, describe(value));
        }
    }

    /** A parameter or literal that Hibernate will convert with the encrypted attribute's converter. */
    private void bound(Operand.Bindable bindable, EncryptedValue value, String operation) {
        if (bindable.parameter() != null) {
            parameters.encrypted(bindable.parameter(), value);
        } else if (!literals.allowed()) {
            throw Rejections.literalExposed(value.first(), operation, literals.refusedBecause());
        }
    }

    private void plainUse(Operand operand, String operation) {
        if (operand instanceof Operand.Bindable bindable && bindable.parameter() != null) {
            parameters.plain(bindable.parameter(), operation);
        }
    }

    void requireDeterministic(EncryptedValue value, String operation) {
        EncryptedColumn randomized = value.firstRandomized();
        if (randomized != null) {
            throw Rejections.unsupported(randomized, operation, Reason.RANDOMIZED);
        }
    }

    /**
     * For UNION ALL: cells of both sides end up in one column and are decrypted alike, so they must share key and
     * format (randomized cells are fine, nothing compares them).
     */
    void requireSameCells(String operation, Operand a, Operand b) {
        if (a instanceof Operand.Encrypted x && b instanceof Operand.Encrypted y) {
            requireInterchangeable(x.value(), y.value(), operation);
            return;
        }
        Operand.Encrypted encrypted = a instanceof Operand.Encrypted x ? x : (Operand.Encrypted) b;
        throw Rejections.mixed(encrypted.value().first(), operation, describe(encrypted == a ? b : a));
    }

    private static void requireInterchangeable(EncryptedValue a, EncryptedValue b, String operation) {
        EncryptedColumn[] difference = EncryptedValues.firstDifference(a, b);
        if (difference == null) {
            return;
        }
        EncryptedColumn x = difference[0];
        EncryptedColumn y = difference[1];
        if (x == null) {
            throw Rejections.mixed(y, operation, "a plain column of " + a.attribute());
        }
        if (y == null) {
            throw Rejections.mixed(x, operation, "a plain column of " + b.attribute());
        }
        throw Rejections.mismatched(x, y, operation);
    }

    /** Names what ciphertext met, without its value. */
    String describe(Operand operand) {
        SqmExpression<?> expression = operand.expression();
        if (expression instanceof SqmPath<?> path) {
            return "plain attribute " + resolver.name(path);
        }
        if (expression instanceof SqmFunction<?> function) {
            return "the result of " + function.getFunctionName() + "()";
        }
        if (subqueryOf(expression) != null) {
            return "a subquery that selects something other than an attribute encrypted the same way";
        }
        return "an expression that is neither a parameter, a literal nor an attribute encrypted the same way";
    }
}
