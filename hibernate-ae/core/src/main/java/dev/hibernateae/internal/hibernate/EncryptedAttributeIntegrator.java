package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.keys.TrustedMasterKeyPaths;
import dev.hibernateae.internal.orm.ConverterDescriptorAdapter;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.Value;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Runs once the mapping is complete: gives every encrypted attribute its full role (with embeddable paths and
 * collection roles, which the binder cannot see yet) and checks existing columns when the schema is validated.
 */
public final class EncryptedAttributeIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        EncryptionRuntime runtime = sessionFactory.getServiceRegistry().getService(EncryptionRuntime.class);
        if (runtime == null) {
            return;
        }
        List<EncryptedColumn> columns = new ArrayList<>();
        Set<String> searched = new TreeSet<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            int before = columns.size();
            for (Property property : entity.getProperties()) {
                visit(entity.getEntityName() + "." + property.getName(), property.getValue(), null, columns, runtime);
            }
            if (columns.subList(before, columns.size()).stream().anyMatch(c -> c.converter().search().any())) {
                hierarchyOf(entity.getRootClass(), searched);
            }
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            visit(collection.getRole(), collection.getElement(), collection, columns, runtime);
        }
        List<String> unclaimed = runtime.takeUnclaimedSearches();
        if (!unclaimed.isEmpty()) {
            throw new AlwaysEncryptedException("Search annotations on " + unclaimed + ", which "
                    + "are not @Encrypted: add @Encrypted(type = ..., key = ...) or remove the search annotations "
                    + "(plain attributes are searched by the database itself)");
        }
        runtime.searchedEntities(searched);
        runtime.replaceAttributes(columns.stream().map(EncryptedColumn::converter).toList());
        new EncryptedColumnValidator(sessionFactory).validate(columns);
        new MappedSqlFragmentCheck(metadata, columns).check();
        if (!columns.isEmpty() && runtime.keysFromDatabase()) {
            // Fail fast on the key settings (trusted master key paths, key store): checked and built now, used later.
            TrustedMasterKeyPaths.from(runtime.config()).requireConfigured();
            runtime.keyRing();
        }
    }

    /** Nothing to undo. Declared because Hibernate 6.6's {@link Integrator} requires it; 7's has a default. */
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry registry) {
    }

    private static void hierarchyOf(PersistentClass entity, Set<String> names) {
        names.add(entity.getEntityName());
        for (PersistentClass subclass : entity.getSubclasses()) {
            hierarchyOf(subclass, names);
        }
    }

    /** @param collection the element collection whose element {@code value} is, or null */
    private static void visit(String role, Value value, Collection collection, List<EncryptedColumn> found,
            EncryptionRuntime runtime) {
        if (value instanceof BasicValue basic
                && ConverterDescriptorAdapter.sourceOf(basic.getJpaAttributeConverterDescriptor())
                        instanceof EncryptedConverterDescriptor<?> descriptor) {
            EncryptedAttributeConverter<?> converter = descriptor.converter();
            Table table = collection != null ? collection.getCollectionTable() : basic.getTable();
            String column = basic.getColumns().get(0).getName();
            converter.locate(role, table.getName(), column, rowKey(table, collection, column));
            requireConverterApplied(basic, converter);
            if (converter.search().any()) {
                SearchOptionsCheck.check(converter.attribute(), converter.search(), table);
            }
            found.add(new EncryptedColumn(converter, table, column));
        } else if (value instanceof Component component) {
            for (Property property : component.getProperties()) {
                visit(role + "." + property.getName(), property.getValue(), collection, found, runtime);
            }
        }
    }

    /**
     * The columns that identify a row of {@code table}: its primary key, or, for an element collection table
     * without one (a bag), the owner's key columns, the index if the collection has one, and the element column.
     */
    private static List<String> rowKey(Table table, Collection collection, String elementColumn) {
        if (table.getPrimaryKey() != null && !table.getPrimaryKey().getColumns().isEmpty()) {
            return table.getPrimaryKey().getColumns().stream().map(c -> c.getName()).toList();
        }
        List<String> key = new ArrayList<>();
        if (collection != null) {
            collection.getKey().getColumns().forEach(c -> key.add(c.getName()));
            if (collection instanceof IndexedCollection indexed) {
                indexed.getIndex().getColumns().forEach(c -> key.add(c.getName()));
            }
            key.add(elementColumn);
        }
        return key;
    }

    /** Fails closed: an attribute Hibernate would store without our converter must not boot. */
    private static void requireConverterApplied(BasicValue basic, EncryptedAttributeConverter<?> converter) {
        basic.resolve();
        if (!(basic.getResolution().getValueConverter() instanceof EncryptedConverterDescriptor.Bean<?> bean)
                || bean.converter() != converter
                || basic.getResolution().getJdbcType().getDdlTypeCode() != Types.VARBINARY) {
            throw new AlwaysEncryptedException("@Encrypted on " + converter.attribute().role()
                    + " was not applied by Hibernate (another converter, @Type or @JdbcTypeCode on the attribute?); "
                    + "remove them: hibernate-ae maps the attribute itself");
        }
    }

    /** An encrypted attribute and the column that stores it. */
    record EncryptedColumn(EncryptedAttributeConverter<?> converter, Table table, String column) {
    }
}
