package dev.hibernateae.internal.hibernate;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import org.hibernate.annotations.SQLOrder;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;

/**
 * Which annotation ordered a collection. Hibernate keeps JPA's {@code @OrderBy} (attribute names) and its own
 * {@code @SQLOrder} (SQL) in the same place of the boot model, {@link Collection#getOrderBy()}, and translates both
 * the same way later, so only the mapped Java member tells them apart. Mappings without one (XML, dynamic models)
 * get both names.
 */
final class OrderingAnnotation {
    static final String EITHER = "@OrderBy or @SQLOrder";

    private OrderingAnnotation() {
    }

    static String of(Collection collection) {
        try {
            AnnotatedElement member = member(collection);
            if (member == null) {
                return EITHER;
            }
            if (member.isAnnotationPresent(SQLOrder.class)) {
                return "@SQLOrder";
            }
            if (member.isAnnotationPresent(jakarta.persistence.OrderBy.class)) {
                return "@OrderBy";
            }
            return EITHER;
        } catch (RuntimeException e) {
            return EITHER;
        }
    }

    /** The field or getter that maps the collection, through the embeddables on its path. */
    private static AnnotatedElement member(Collection collection) {
        PersistentClass owner = collection.getOwner();
        String role = collection.getRole();
        if (owner == null || owner.getMappedClass() == null || !role.startsWith(owner.getEntityName() + ".")) {
            return null;
        }
        String[] path = role.substring(owner.getEntityName().length() + 1).split("\\.");
        Class<?> declaring = owner.getMappedClass();
        Property property = owner.getProperty(path[0]);
        for (int i = 1; i < path.length; i++) {
            if (!(property.getValue() instanceof Component component)) {
                return null;
            }
            declaring = component.getComponentClass();
            property = component.getProperty(path[i]);
        }
        Member member = property.getGetter(declaring).getMember();
        return member instanceof AnnotatedElement element ? element : null;
    }
}
