package dev.hibernateae.internal.hibernate;

import dev.hibernateae.internal.hibernate.EncryptedAttributeIntegrator.EncryptedColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;

/**
 * The encrypted columns {@link EncryptedAttributeIntegrator} found, looked up the ways a mapping annotation names
 * them: by column name within some tables (SQL), or by attribute path (JPA {@code @OrderBy}); and named the way
 * the user wrote the attribute ({@code Patient.address.zip}).
 */
final class EncryptedColumnIndex {
    private final List<EncryptedColumn> columns;
    private final Map<String, String> jpaNames = new HashMap<>();

    EncryptedColumnIndex(Metadata metadata, List<EncryptedColumn> columns) {
        this.columns = List.copyOf(columns);
        for (PersistentClass entity : metadata.getEntityBindings()) {
            jpaNames.put(entity.getEntityName(), entity.getJpaEntityName());
        }
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    /** The encrypted columns of any of {@code tables}. */
    List<EncryptedColumn> inTables(Set<Table> tables) {
        List<EncryptedColumn> found = new ArrayList<>();
        for (EncryptedColumn column : columns) {
            if (tables.contains(column.table())) {
                found.add(column);
            }
        }
        return found;
    }

    List<EncryptedColumn> all() {
        return columns;
    }

    /** The encrypted column called {@code name} (any case) among {@code candidates}. */
    static Optional<EncryptedColumn> named(String name, List<EncryptedColumn> candidates) {
        for (EncryptedColumn column : candidates) {
            if (SqlFragmentColumns.sameName(column.column(), name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /**
     * The encrypted attribute whose full role is {@code role}, or the first one below it when {@code role} is an
     * embeddable ({@code ...Patient.address} holds {@code ...Patient.address.zip}).
     */
    Optional<EncryptedColumn> atOrBelow(String role) {
        for (EncryptedColumn column : columns) {
            String candidate = column.converter().attribute().role();
            if (candidate.equals(role) || candidate.startsWith(role + ".")) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** {@code Patient.address.zip} for the role {@code com.example.Patient.address.zip}. */
    String simpleRole(String role) {
        String owner = null;
        for (String entityName : jpaNames.keySet()) {
            if (role.startsWith(entityName + ".") && (owner == null || entityName.length() > owner.length())) {
                owner = entityName;
            }
        }
        return owner == null ? role : jpaNames.get(owner) + role.substring(owner.length());
    }

    /** The attribute an encrypted column stores, as the user wrote it. */
    String attribute(EncryptedColumn column) {
        return simpleRole(column.converter().attribute().role());
    }
}
