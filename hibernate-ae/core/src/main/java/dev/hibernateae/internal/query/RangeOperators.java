package dev.hibernateae.internal.query;

import dev.hibernateae.internal.search.range.RangeEncoding;
import org.hibernate.query.sqm.ComparisonOperator;

/** Hibernate's ordering operators as the range encoding's, with the attribute on the left. */
final class RangeOperators {
    private RangeOperators() {
    }

    static RangeEncoding.Op of(ComparisonOperator operator) {
        return switch (operator) {
            case LESS_THAN -> RangeEncoding.Op.LT;
            case LESS_THAN_OR_EQUAL -> RangeEncoding.Op.LE;
            case GREATER_THAN -> RangeEncoding.Op.GT;
            case GREATER_THAN_OR_EQUAL -> RangeEncoding.Op.GE;
            default -> throw new IllegalArgumentException("not an ordering comparison: " + operator);
        };
    }
}
