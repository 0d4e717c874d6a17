package dev.hibernateae.internal.guard;

import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.orm.HibernateLine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.CollectionPart;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.ModelPartContainer;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.model.domain.EntityDomainType;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.query.sqm.SqmPathSource;
import org.hibernate.query.sqm.tree.domain.SqmIndexedCollectionAccessPath;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.domain.SqmTreatedPath;

/**
 * Tells whether a query path holds ciphertext, by following it through Hibernate's runtime mapping model from its
 * entity to the attribute, as the SQL translation will. The semantic (SQM) types know the converter of entity and
 * embeddable attributes but not of collection elements, whose converter only the collection's mapping holds; the
 * mapping model knows both, through treats, joins, embeddables and element collections alike.
 */
final class EncryptedPathResolver {
    private final MappingMetamodel metamodel;
    private volatile Map<String, EncryptedColumn> byColumnName;

    EncryptedPathResolver(MappingMetamodel metamodel) {
        this.metamodel = metamodel;
    }

    /**
     * Every encrypted column of the persistence unit by its SQL column name (lower case), for SQL fragments that can
     * name one: entity tables, embeddables and collection tables alike. The first attribute wins a shared name.
     */
    Map<String, EncryptedColumn> encryptedColumnsByName() {
        Map<String, EncryptedColumn> columns = byColumnName;
        if (columns == null) {
            Map<String, EncryptedColumn> found = new LinkedHashMap<>();
            metamodel.forEachEntityDescriptor(entity -> entity.forEachAttributeMapping(attribute ->
                    collectByName(attribute, HibernateLine.jpaEntityName(entity) + "." + attribute.getAttributeName(), found)));
            metamodel.forEachCollectionDescriptor(collection -> {
                PluralAttributeMapping plural = collection.getAttributeMapping();
                String owner = HibernateLine.jpaEntityName(plural.findContainingEntityMapping().getEntityPersister());
                collectByName(plural.getElementDescriptor(), owner + "." + plural.getAttributeName(), found);
            });
            columns = Collections.unmodifiableMap(found);
            byColumnName = columns;
        }
        return columns;
    }

    private static void collectByName(ModelPart part, String name, Map<String, EncryptedColumn> found) {
        if (part instanceof BasicValuedModelPart basic) {
            EncryptedAttributeConverter<?> converter = EncryptedValues.converterOf(basic.getJdbcMapping());
            if (converter != null) {
                found.putIfAbsent(basic.getSelectionExpression().toLowerCase(Locale.ROOT),
                        new EncryptedColumn(name, converter));
            }
        } else if (part instanceof EmbeddableValuedModelPart embeddable) {
            var type = embeddable.getEmbeddableTypeDescriptor();
            for (int i = 0; i < type.getNumberOfAttributeMappings(); i++) {
                AttributeMapping attribute = type.getAttributeMapping(i);
                collectByName(attribute, name + "." + attribute.getAttributeName(), found);
            }
        }
    }

    /** The ciphertext the path holds, or {@code null} when it holds no encrypted column. */
    EncryptedValue resolve(SqmPath<?> path) {
        Located located = locate(path);
        EncryptedValue value = located == null ? null : valueOf(located.part(), located.name());
        if (value == null) {
            // Paths over a CTE or a derived table have no mapping of their own; their type still carries the converter.
            EncryptedAttributeConverter<?> converter = EncryptedValues.converterOf(path.getNodeType());
            if (converter != null) {
                String name = located != null ? located.name() : converter.attribute().simpleRole();
                value = EncryptedValue.single(new EncryptedColumn(name, converter));
            }
        }
        return value;
    }

    /**
     * The encrypted columns in the rows a path stands for: every encrypted attribute stored in an entity's tables
     * (its whole hierarchy, since one row may hold a subclass; element collections live in tables of their own), of
     * an embeddable, or of a collection's elements. Empty when they hold none.
     */
    List<EncryptedColumn> encryptedColumnsOf(SqmPath<?> path) {
        Located located = locate(path);
        List<EncryptedColumn> found = new ArrayList<>();
        if (located == null) {
            return found;
        }
        if (located.part() instanceof EntityPersister persister) {
            EntityPersister root = persister.getRootEntityDescriptor().getEntityPersister();
            addEntityColumns(root, found);
            root.getSubMappingTypes().forEach(sub -> addEntityColumns(sub.getEntityPersister(), found));
        } else {
            EncryptedValue value = valueOf(located.part(), located.name());
            if (value != null) {
                found.addAll(value.encrypted());
            }
        }
        return found;
    }

    private static void addEntityColumns(EntityPersister entity, List<EncryptedColumn> found) {
        String owner = HibernateLine.jpaEntityName(entity);
        entity.forEachAttributeMapping(attribute -> {
            EncryptedValue value = attribute instanceof PluralAttributeMapping ? null
                    : valueOf(attribute, owner + "." + attribute.getAttributeName());
            if (value != null) {
                value.encrypted().stream().filter(c -> !found.contains(c)).forEach(found::add);
            }
        });
    }

    /** {@code Patient.lastName} for a path, encrypted or not, for messages; falls back to the path's own name. */
    String name(SqmPath<?> path) {
        Located located = locate(path);
        return located != null ? located.name() : path.getNavigablePath().getLocalName();
    }

    private record Located(ModelPart part, String name) {
    }

    private Located locate(SqmPath<?> path) {
        if (path instanceof SqmTreatedPath<?, ?> treated) {
            if (treated.getTreatTarget() instanceof EntityDomainType<?> entity) {
                return entity(entity);
            }
            return locate(treated.getWrappedPath());
        }
        SqmPathSource<?> source = path.getReferencedPathSource();
        if (source instanceof EntityDomainType<?> entity) {
            return entity(entity);
        }
        if (HibernateLine.pathType(source) instanceof EntityDomainType<?> entity) {
            // A to-one attribute, or the element of an entity collection: continue in that entity.
            return entity(entity);
        }
        SqmPath<?> lhs = path.getLhs();
        Located owner = lhs == null ? null : locate(lhs);
        if (owner == null) {
            return null;
        }
        String name = path instanceof SqmIndexedCollectionAccessPath<?> ? CollectionPart.Nature.ELEMENT.getName()
                : source.getPathName();
        ModelPart container = owner.part();
        if (container instanceof PluralAttributeMapping plural) {
            CollectionPart.Nature nature = CollectionPart.Nature.fromNameExact(name);
            if (nature == CollectionPart.Nature.ELEMENT) {
                return new Located(plural.getElementDescriptor(), owner.name());
            }
            if (nature == CollectionPart.Nature.INDEX) {
                return new Located(plural.getIndexDescriptor(), owner.name() + ".key");
            }
            if (nature != null) {
                return null;
            }
            // an attribute of the elements of a collection of embeddables
            container = plural.getElementDescriptor();
        }
        if (!(container instanceof ModelPartContainer parts)) {
            return null;
        }
        ModelPart part = parts.findSubPart(name, null);
        return part == null ? null : new Located(part, owner.name() + "." + name);
    }

    private Located entity(EntityDomainType<?> entity) {
        EntityPersister persister = metamodel.findEntityDescriptor(entity.getHibernateEntityName());
        return persister == null ? null : new Located(persister, HibernateLine.jpaEntityName(persister));
    }

    private static EncryptedValue valueOf(ModelPart part, String name) {
        if (part instanceof PluralAttributeMapping plural) {
            // A collection join or path used as a value stands for its elements.
            part = plural.getElementDescriptor();
        }
        if (part instanceof BasicValuedModelPart basic) {
            EncryptedAttributeConverter<?> converter = EncryptedValues.converterOf(basic.getJdbcMapping());
            return converter == null ? null : EncryptedValue.single(new EncryptedColumn(name, converter));
        }
        if (part instanceof EmbeddableValuedModelPart embeddable) {
            List<EncryptedColumn> columns = new ArrayList<>();
            boolean anyEncrypted = collectColumns(embeddable, name, columns);
            return anyEncrypted ? EncryptedValue.composite(name, columns) : null;
        }
        return null;
    }

    /** Adds one entry per column of the embeddable, in mapping order; returns whether any is encrypted. */
    private static boolean collectColumns(EmbeddableValuedModelPart embeddable, String name,
            List<EncryptedColumn> columns) {
        boolean anyEncrypted = false;
        var type = embeddable.getEmbeddableTypeDescriptor();
        for (int i = 0; i < type.getNumberOfAttributeMappings(); i++) {
            AttributeMapping attribute = type.getAttributeMapping(i);
            String attributeName = name + "." + attribute.getAttributeName();
            if (attribute instanceof BasicValuedModelPart basic) {
                EncryptedAttributeConverter<?> converter = EncryptedValues.converterOf(basic.getJdbcMapping());
                columns.add(converter == null ? null : new EncryptedColumn(attributeName, converter));
                anyEncrypted |= converter != null;
            } else if (attribute instanceof EmbeddableValuedModelPart nested) {
                anyEncrypted |= collectColumns(nested, attributeName, columns);
            } else {
                for (int c = 0; c < attribute.getJdbcTypeCount(); c++) {
                    columns.add(null);
                }
            }
        }
        return anyEncrypted;
    }
}
