package dev.hibernateae.internal.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.query.sqm.tree.expression.JpaCriteriaParameter;
import org.hibernate.query.sqm.tree.expression.SqmJpaCriteriaParameterWrapper;
import org.hibernate.query.sqm.tree.expression.SqmParameter;

/**
 * Where each query parameter is used. Hibernate gives a parameter one type for the whole query, so a parameter
 * that meets an encrypted attribute in one place and a plain value (or another encryption) in another is bound
 * wrongly for one of them, and that comparison silently matches nothing.
 */
final class ParameterUses {
    private final Map<Object, Uses> uses = new LinkedHashMap<>();

    void encrypted(SqmParameter<?> parameter, EncryptedValue value) {
        uses(parameter).encrypted.add(value);
    }

    void plain(SqmParameter<?> parameter, String operation) {
        Uses u = uses(parameter);
        if (u.plain == null) {
            u.plain = operation;
        }
    }

    /** Throws when a parameter bound to an encrypted attribute is also used in an incompatible way. */
    void verify() {
        for (Uses u : uses.values()) {
            if (u.encrypted.isEmpty()) {
                continue;
            }
            EncryptedValue first = u.encrypted.get(0);
            if (u.plain != null) {
                throw Rejections.parameterReused(first.first(), u.name, "as a plain value"
                        + (u.plain.isEmpty() ? "" : " (in " + u.plain + ")"));
            }
            for (EncryptedValue other : u.encrypted.subList(1, u.encrypted.size())) {
                if (!EncryptedValues.interchangeable(first, other)) {
                    throw Rejections.parameterReused(first.first(), u.name, "with " + other.first().describe());
                }
            }
        }
    }

    private Uses uses(SqmParameter<?> parameter) {
        Object key = key(parameter);
        return uses.computeIfAbsent(key, k -> new Uses(name(parameter)));
    }

    /** Named and positional parameters are shared by name or position; Criteria parameters by identity or name. */
    private static Object key(SqmParameter<?> parameter) {
        if (parameter instanceof SqmJpaCriteriaParameterWrapper<?> wrapper) {
            return wrapper.getJpaCriteriaParameter();
        }
        if (parameter instanceof JpaCriteriaParameter<?>) {
            return parameter;
        }
        return parameter.getName() != null ? ":" + parameter.getName() : "?" + parameter.getPosition();
    }

    static String name(SqmParameter<?> parameter) {
        if (parameter.getName() != null) {
            return ":" + parameter.getName();
        }
        if (parameter.getPosition() != null) {
            return "?" + parameter.getPosition();
        }
        return "(unnamed Criteria parameter)";
    }

    private static final class Uses {
        final String name;
        final List<EncryptedValue> encrypted = new ArrayList<>(2);
        String plain;

        Uses(String name) {
            this.name = name;
        }
    }
}
