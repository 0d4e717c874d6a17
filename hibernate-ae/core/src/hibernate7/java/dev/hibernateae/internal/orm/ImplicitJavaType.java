package dev.hibernateae.internal.orm;

import java.lang.reflect.Type;
import java.util.function.Function;
import org.hibernate.mapping.BasicValue;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * The Java type an attribute's mapping implies, read while the attribute is bound (before Hibernate resolves the
 * value). Hibernate 7.3 added {@code BasicValue.getImplicitJavaTypeAccess()}; on 7.2 the same function is reached
 * through {@code BasicValue.impliedJavaType(TypeConfiguration)}, which applies it when the value has no resolved
 * type yet (always so at binding time) and otherwise reads the property's type by reflection.
 */
public final class ImplicitJavaType {
    private static final boolean HAS_ACCESSOR = hasAccessor();

    private ImplicitJavaType() {
    }

    /** The implied type, or {@code null} when the mapping implies none. */
    public static Type of(BasicValue basic, TypeConfiguration types) {
        if (!HAS_ACCESSOR) {
            return basic.impliedJavaType(types);
        }
        Function<TypeConfiguration, Type> access = basic.getImplicitJavaTypeAccess();
        return access == null ? null : access.apply(types);
    }

    private static boolean hasAccessor() {
        try {
            BasicValue.class.getMethod("getImplicitJavaTypeAccess");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
