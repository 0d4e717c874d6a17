package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;

/**
 * Forgets a resolution Hibernate made before hibernate-ae set the attribute's converter (an element collection's
 * value is resolved before attribute binders run): the value's resolution, and what its column cached from it (SQL
 * type code, size, type name, checks written for the plaintext type). Hibernate offers no API for this; if its
 * fields change, boot fails for that attribute rather than storing plaintext.
 */
final class ResolvedValueReset {
    private static final String[] COLUMN_CACHES = {"sqlTypeCode", "columnSize", "sqlTypeName", "sqlTypeLob"};

    private ResolvedValueReset() {
    }

    static void unresolve(BasicValue value, String role) {
        try {
            set(BasicValue.class, value, "resolution", null);
            for (Column column : value.getColumns()) {
                for (String name : COLUMN_CACHES) {
                    set(Column.class, column, name, null);
                }
                set(Column.class, column, "checkConstraints", new ArrayList<>());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AlwaysEncryptedException("@Encrypted on " + role + ": this Hibernate version resolved the "
                    + "attribute before hibernate-ae could map it, and the resolution cannot be reset (" + e + "); "
                    + "please report this with your Hibernate version", e);
        }
    }

    private static void set(Class<?> owner, Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
