package dev.hibernateae.internal.hibernate;

import dev.hibernateae.internal.hibernate.EncryptedAttributeIntegrator.EncryptedColumn;
import dev.hibernateae.internal.hibernate.SqlFragmentColumns.SqlIdentifier;
import java.util.List;
import java.util.Optional;
import org.hibernate.MappingException;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Value;
import org.hibernate.metamodel.mapping.CollectionPart;

/**
 * Finds the encrypted attribute a collection's ordering sorts by. Hibernate 7 reads JPA {@code @OrderBy} and
 * {@code @SQLOrder} alike when it builds the collection's persister: each name is first an attribute path of the
 * element (an attribute of the target entity, of the embeddable, or {@code $element$} / {@code element} for the
 * element itself, which an empty {@code @OrderBy} becomes), and only a name that is no attribute is a column.
 * This resolves names the same way on the boot model.
 */
final class CollectionOrdering {
    private final EncryptedColumnIndex index;

    CollectionOrdering(EncryptedColumnIndex index) {
        this.index = index;
    }

    /** An encrypted column an ordering sorts by, and how the ordering names it ({@code attribute ssn}). */
    record Sorted(EncryptedColumn column, String reference) {
    }

    /**
     * @param target the entity the collection holds, or null for an element collection
     * @param columns the encrypted columns a name that is no attribute may be
     */
    Optional<Sorted> sortedBy(Collection collection, PersistentClass target, String ordering,
            List<EncryptedColumn> columns) {
        for (SqlIdentifier id : SqlFragmentColumns.identifiers(ordering)) {
            String path = String.join(".", id.parts());
            String reference = "attribute " + path;
            Attribute attribute = attribute(collection, target, path);
            if (!attribute.exists() && isElement(id.parts().get(0))) {
                String elementPath = String.join(".", id.parts().subList(1, id.parts().size()));
                attribute = attribute(collection, target, elementPath);
                reference = elementPath.isEmpty() ? "the collection's elements" : "attribute " + elementPath;
            }
            if (attribute.encrypted() != null) {
                return Optional.of(new Sorted(attribute.encrypted(), reference));
            }
            if (!attribute.exists() && !id.placeholderName()) {
                Optional<EncryptedColumn> column = EncryptedColumnIndex.named(id.name(), columns);
                if (column.isPresent()) {
                    return Optional.of(new Sorted(column.get(), "column " + id.name()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a path is an attribute of the element, and the encrypted column at or below it if any. */
    private record Attribute(boolean exists, EncryptedColumn encrypted) {
        static final Attribute NONE = new Attribute(false, null);
        static final Attribute PLAIN = new Attribute(true, null);

        static Attribute of(Optional<EncryptedColumn> encrypted) {
            return new Attribute(true, encrypted.orElse(null));
        }
    }

    private static boolean isElement(String part) {
        return CollectionPart.Nature.fromName(part) == CollectionPart.Nature.ELEMENT;
    }

    /** What {@code path} is in the collection's element; an empty path is the element itself. */
    private Attribute attribute(Collection collection, PersistentClass target, String path) {
        if (target != null) {
            if (path.isEmpty()) {
                return Attribute.PLAIN; // the element entity: its identifier, never encrypted
            }
            try {
                target.getRecursiveProperty(path);
            } catch (MappingException e) {
                return Attribute.NONE;
            }
            for (PersistentClass declaring = target; declaring != null; declaring = declaring.getSuperclass()) {
                Optional<EncryptedColumn> column = index.atOrBelow(declaring.getEntityName() + "." + path);
                if (column.isPresent()) {
                    return Attribute.of(column);
                }
            }
            return Attribute.PLAIN;
        }
        if (!path.isEmpty() && !componentHas(collection.getElement(), path)) {
            return Attribute.NONE;
        }
        return Attribute.of(index.atOrBelow(path.isEmpty() ? collection.getRole() : collection.getRole() + "." + path));
    }

    private static boolean componentHas(Value element, String path) {
        Value value = element;
        for (String name : path.split("\\.")) {
            if (!(value instanceof Component component)) {
                return false;
            }
            try {
                value = component.getProperty(name).getValue();
            } catch (MappingException e) {
                return false;
            }
        }
        return true;
    }
}
