package dev.hibernateae.internal.query;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.hibernate.query.sqm.tree.expression.SqmHqlNumericLiteral;

/**
 * Lossless conversion of a numeric literal to the Java type of the encrypted attribute it meets. Hibernate converts
 * a literal with the attribute's converter only when the literal already has the attribute's Java type, so
 * {@code p.creditLimit = 10000} on a {@code Long} would fail where it works on a plain {@code Long}; the value is
 * converted first when no digit is lost ({@code 10000} to {@code 10000L}, {@code 2.50} to {@code BigDecimal}),
 * and refused otherwise ({@code 10.5} for a {@code Long}).
 */
final class NumericLiterals {
    private NumericLiterals() {
    }

    /**
     * {@code value} as an instance of {@code target}, or {@code null} when {@code target} is not numeric or the
     * conversion would lose anything.
     */
    static Number convert(Number value, Class<?> target) {
        if (target.isInstance(value)) {
            return value;
        }
        BigDecimal exact = exact(value);
        if (exact == null) {
            return null;
        }
        try {
            if (target == Long.class || target == long.class) {
                return exact.longValueExact();
            }
            if (target == Integer.class || target == int.class) {
                return exact.intValueExact();
            }
            if (target == Short.class || target == short.class) {
                return exact.shortValueExact();
            }
            if (target == Byte.class || target == byte.class) {
                return exact.byteValueExact();
            }
            if (target == BigInteger.class) {
                return exact.toBigIntegerExact();
            }
            if (target == BigDecimal.class) {
                return exact;
            }
            if (target == Double.class || target == double.class) {
                double d = exact.doubleValue();
                return Double.isFinite(d) && BigDecimal.valueOf(d).compareTo(exact) == 0 ? d : null;
            }
            if (target == Float.class || target == float.class) {
                float f = exact.floatValue();
                return Float.isFinite(f) && new BigDecimal(Float.toString(f)).compareTo(exact) == 0 ? f : null;
            }
        } catch (ArithmeticException lossy) {
            return null;
        }
        return null;
    }

    /**
     * {@code value} as the encrypted attribute's own Java type, or {@code null} when nothing is to be done (not a
     * number, already of that type, or the attribute is not numeric).
     *
     * @throws UnsupportedEncryptedQueryException if the value has no exact value of the attribute's type
     */
    static Number forAttribute(Object value, EncryptedAttribute<?> attribute) {
        if (!(value instanceof Number number) || attribute.javaType().isInstance(number)
                || !isNumeric(attribute.javaType())) {
            return null;
        }
        Number converted = convert(number, attribute.javaType());
        if (converted == null) {
            throw inexact(attribute);
        }
        return converted;
    }

    /** The error for a literal that has no exact value of the attribute's type (which it does not show). */
    private static UnsupportedEncryptedQueryException inexact(EncryptedAttribute<?> attribute) {
        String type = attribute.javaType().getSimpleName();
        return new UnsupportedEncryptedQueryException(attribute.simpleRole(), "a numeric literal",
                "Query cannot run on encrypted data: a numeric literal meets encrypted attribute "
                        + attribute.simpleRole() + " of type " + type + ", but it has no exact " + type
                        + " value, and hibernate-ae does not round a value before encrypting it. Write a " + type
                        + " value, or bind a parameter");
    }

    /**
     * The value of an HQL numeric literal as written ({@code 10000}, {@code 2.5}, {@code 7L}, {@code 1.5BD}), read as
     * Hibernate reads it, or exactly when that overflows its inferred type; {@code null} when it cannot be read.
     */
    static Number parse(SqmHqlNumericLiteral<?> literal) {
        try {
            return literal.getTypeCategory().parseLiteralValue(literal.getUnparsedLiteralValue());
        } catch (NumberFormatException overflow) {
            String text = literal.getUnparsedLiteralValue().replace("_", "")
                    .replaceFirst("(?i)(bd|bi|l|d|f)$", "");
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException unreadable) {
                return null;
            }
        }
    }

    private static boolean isNumeric(Class<?> type) {
        return Number.class.isAssignableFrom(type) || type == long.class || type == int.class || type == short.class
                || type == byte.class || type == double.class || type == float.class;
    }

    private static BigDecimal exact(Number value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(value.toString()) : null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(value.longValue());
        }
        return null;
    }
}
