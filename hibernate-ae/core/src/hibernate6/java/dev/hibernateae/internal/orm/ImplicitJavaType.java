package dev.hibernateae.internal.orm;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.util.function.Function;
import org.hibernate.mapping.BasicValue;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * The Java type an attribute's mapping implies, read while the attribute is bound (before Hibernate resolves the
 * value). Hibernate 6.6 sets that function on the value ({@code BasicValue.setImplicitJavaTypeAccess}) but offers no
 * accessor: it is read from the value's field, as Hibernate 7.3's {@code getImplicitJavaTypeAccess()} returns it.
 */
public final class ImplicitJavaType {
    private static final Field ACCESS = accessField();

    private ImplicitJavaType() {
    }

    /** The implied type, or {@code null} when the mapping implies none. */
    @SuppressWarnings("unchecked")
    public static Type of(BasicValue basic, TypeConfiguration types) {
        Function<TypeConfiguration, Type> access;
        try {
            access = (Function<TypeConfiguration, Type>) ACCESS.get(basic);
        } catch (IllegalAccessException e) {
            throw unreadable(e);
        }
        return access == null ? null : access.apply(types);
    }

    private static Field accessField() {
        try {
            Field field = BasicValue.class.getDeclaredField("implicitJavaTypeAccess");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static AlwaysEncryptedException unreadable(Exception cause) {
        return new AlwaysEncryptedException("hibernate-ae cannot read an attribute's Java type from Hibernate 6.6's "
                + "BasicValue (implicitJavaTypeAccess); use the Hibernate ORM 6.6 release hibernate-ae-core-hibernate6 "
                + "was built with", cause);
    }
}
