package dev.hibernateae.internal.guard;

import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.select.SqmSubQuery;

/** One side of a comparison, an assignment or a selection, as far as ciphertext is concerned. */
sealed interface Operand {

    SqmExpression<?> expression();

    /**
     * An encrypted attribute, or a subquery that selects one ({@code subquery} is then that subquery, whose inner
     * clauses still need checking).
     */
    record Encrypted(SqmExpression<?> expression, EncryptedValue value, SqmSubQuery<?> subquery) implements Operand {
    }

    /** A parameter or literal: Hibernate converts it with the converter of the attribute it meets. */
    record Bindable(SqmExpression<?> expression) implements Operand {
        SqmParameter<?> parameter() {
            return expression instanceof SqmParameter<?> p ? p : null;
        }
    }

    /** Anything else: a plain attribute, a function, arithmetic, a subquery selecting plain values... */
    record Plain(SqmExpression<?> expression) implements Operand {
    }
}
