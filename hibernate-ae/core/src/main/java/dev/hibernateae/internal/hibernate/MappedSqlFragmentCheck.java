package dev.hibernateae.internal.hibernate;

import dev.hibernateae.internal.hibernate.EncryptedAttributeIntegrator.EncryptedColumn;
import dev.hibernateae.internal.hibernate.SqlFragmentColumns.SqlIdentifier;
import dev.hibernateae.internal.orm.HibernateLine;
import dev.hibernateae.internal.orm.MappedFilter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.FilterDefinition;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.Join;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.Value;

/**
 * Refuses at startup the mapping annotations that make the database sort, compare or compute on an encrypted
 * column: {@code @SQLRestriction}, {@code @SQLJoinTableRestriction}, {@code @Filter}, {@code @FilterJoinTable}
 * (and the {@code @FilterDef} default conditions they use), JPA {@code @OrderBy}, {@code @SQLOrder},
 * {@code @Formula}, {@code @JoinFormula} and {@code @DiscriminatorFormula}. They would run on ciphertext and return
 * wrong rows, a meaningless order or value, and a filter would bind its parameter as plaintext.
 *
 * <p>SQL is read from the boot model and compared, by {@link SqlFragmentColumns}, with the encrypted columns of
 * the tables it applies to: an entity's tables for entity-level annotations, the collection table for collection
 * ones, the target entity's tables for a many-to-many's element side. An order is resolved as Hibernate does
 * ({@link CollectionOrdering}). What a fragment reaches otherwise (subqueries, views, functions, names built at run
 * time) is not seen.
 */
final class MappedSqlFragmentCheck {
    private final Metadata metadata;
    private final EncryptedColumnIndex index;
    private final CollectionOrdering ordering;

    MappedSqlFragmentCheck(Metadata metadata, List<EncryptedColumn> columns) {
        this.metadata = metadata;
        this.index = new EncryptedColumnIndex(metadata, columns);
        this.ordering = new CollectionOrdering(index);
    }

    /** @throws dev.hibernateae.api.UnsupportedEncryptedQueryException for the first annotation found */
    void check() {
        if (index.isEmpty()) {
            return;
        }
        for (PersistentClass entity : metadata.getEntityBindings()) {
            checkEntity(entity);
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            checkCollection(collection);
        }
    }

    private void checkEntity(PersistentClass entity) {
        String owner = "entity " + entity.getJpaEntityName();
        Set<Table> tables = tablesOf(entity);
        if (entity instanceof RootClass root) {
            sql(MappedFragmentKind.RESTRICTION, "@SQLRestriction", owner, root.getWhere(), tables);
            if (root.getDiscriminator() != null) {
                formulas(root.getDiscriminator(), MappedFragmentKind.DISCRIMINATOR, "@DiscriminatorFormula", owner,
                        tables);
            }
        }
        List<MappedFilter> inherited = entity.getSuperclass() == null ? List.of()
                : HibernateLine.filters(entity.getSuperclass());
        for (MappedFilter filter : HibernateLine.filters(entity)) {
            if (inherited.stream().noneMatch(f -> f.source() == filter.source())) {
                filter(filter, "@Filter", owner, tables);
            }
        }
        for (Property property : entity.getProperties()) {
            formulas(property.getValue(), MappedFragmentKind.FORMULA, null, owner + " (attribute "
                    + property.getName() + ")", tables);
        }
    }

    private void checkCollection(Collection collection) {
        String owner = "collection " + index.simpleRole(collection.getRole());
        Value element = collection.getElement();
        PersistentClass target = element instanceof OneToMany oneToMany
                ? metadata.getEntityBinding(oneToMany.getReferencedEntityName())
                : element instanceof ManyToOne manyToOne
                        ? metadata.getEntityBinding(manyToOne.getReferencedEntityName())
                        : null;
        boolean joinTable = element instanceof ManyToOne;
        Set<Table> elementTables = target != null ? tablesOf(target) : Set.of(collection.getCollectionTable());
        Set<Table> collectionTables = new LinkedHashSet<>(elementTables);
        collectionTables.add(collection.getCollectionTable());

        if (joinTable) {
            sql(MappedFragmentKind.RESTRICTION, "@SQLJoinTableRestriction", owner, collection.getWhere(),
                    Set.of(collection.getCollectionTable()));
            sql(MappedFragmentKind.RESTRICTION, "@SQLRestriction", owner, collection.getManyToManyWhere(),
                    elementTables);
            for (MappedFilter filter : HibernateLine.filters(collection)) {
                filter(filter, "@FilterJoinTable", owner, Set.of(collection.getCollectionTable()));
            }
            for (MappedFilter filter : HibernateLine.manyToManyFilters(collection)) {
                filter(filter, "@Filter", owner, elementTables);
            }
        } else {
            sql(MappedFragmentKind.RESTRICTION, "@SQLRestriction", owner, collection.getWhere(), elementTables);
            for (MappedFilter filter : HibernateLine.filters(collection)) {
                filter(filter, "@Filter", owner, elementTables);
            }
        }
        if (target == null || joinTable) {
            formulas(element, MappedFragmentKind.FORMULA, null, owner, collectionTables);
        }
        order(collection, target, collection.getOrderBy(), null, owner, collectionTables);
        order(collection, target, collection.getManyToManyOrdering(), "@OrderBy", owner, elementTables);
    }

    /** An entity's own tables: its table, those of the entities it extends, and its secondary tables. */
    private static Set<Table> tablesOf(PersistentClass entity) {
        Set<Table> tables = new LinkedHashSet<>(entity.getTableClosure());
        for (Join join : entity.getJoinClosure()) {
            tables.add(join.getTable());
        }
        return tables;
    }

    /** Refuses {@code annotation}'s SQL {@code fragment} if it names an encrypted column of {@code tables}. */
    private void sql(MappedFragmentKind kind, String annotation, String owner, String fragment, Set<Table> tables) {
        if (fragment == null || fragment.isBlank()) {
            return;
        }
        List<EncryptedColumn> candidates = index.inTables(tables);
        SqlFragmentColumns.firstNamed(fragment, candidates.stream().map(EncryptedColumn::column).toList())
                .flatMap(name -> EncryptedColumnIndex.named(name, candidates))
                .ifPresent(column -> {
                    throw kind.refuse(annotation + " on " + owner, annotation, "column " + column.column(),
                            index.attribute(column), column);
                });
    }

    /**
     * A filter's condition, or the default condition of its {@code @FilterDef}. A name qualified by an alias of
     * its own ({@code {a}.ssn}, declared with {@code @SqlFragmentAlias}) may be any table's column: the boot model
     * keeps those aliases out of reach until the session factory is built, so such names are compared with every
     * encrypted column.
     */
    private void filter(MappedFilter filter, String annotation, String owner, Set<Table> tables) {
        FilterDefinition definition = metadata.getFilterDefinition(filter.name());
        String defaultCondition = definition == null ? null : definition.getDefaultFilterCondition();
        String condition = filter.condition() == null || filter.condition().isBlank()
                ? defaultCondition : filter.condition();
        if (condition == null || condition.isBlank()) {
            return;
        }
        boolean fromDefinition = condition.equals(defaultCondition);
        String subject = fromDefinition
                ? "the defaultCondition of @FilterDef(name = \"" + filter.name() + "\"), which " + annotation + " on "
                        + owner + " uses,"
                : annotation + "(name = \"" + filter.name() + "\") on " + owner;
        String operation = fromDefinition ? "@FilterDef" : annotation;
        List<EncryptedColumn> own = index.inTables(tables);
        for (SqlIdentifier id : SqlFragmentColumns.identifiers(condition)) {
            if (id.placeholderName()) {
                continue;
            }
            Optional<EncryptedColumn> column = EncryptedColumnIndex.named(id.name(),
                    qualifiedByOwnAlias(id) ? index.all() : own);
            if (column.isPresent()) {
                throw MappedFragmentKind.FILTER.refuse(subject, operation, "column " + column.get().column(),
                        index.attribute(column.get()), column.get());
            }
        }
    }

    private static boolean qualifiedByOwnAlias(SqlIdentifier id) {
        return id.qualifiers().stream().anyMatch(q -> SqlFragmentColumns.isPlaceholder(q)
                && !q.equals("{alias}") && !q.startsWith("{h-"));
    }

    /**
     * The formulas among a value's selectables: {@code @Formula} on basic attributes, {@code @JoinFormula} on
     * associations, through embeddables; collections are checked on their own.
     */
    private void formulas(Value value, MappedFragmentKind kind, String annotation, String owner, Set<Table> tables) {
        if (value instanceof Component component) {
            for (Property property : component.getProperties()) {
                formulas(property.getValue(), kind, annotation, owner, tables);
            }
            return;
        }
        if (value instanceof Collection) {
            return;
        }
        String name = annotation != null ? annotation : value instanceof ToOne ? "@JoinFormula" : "@Formula";
        for (Selectable selectable : value.getSelectables()) {
            if (selectable.isFormula()) {
                sql(kind, name, owner, selectable.getText(), tables);
            }
        }
    }

    /**
     * @param annotation the ordering's annotation, or null when the boot model does not say which it was
     *        ({@link Collection#getOrderBy()} holds JPA {@code @OrderBy} and {@code @SQLOrder} alike)
     */
    private void order(Collection collection, PersistentClass target, String fragment, String annotation,
            String owner, Set<Table> tables) {
        if (fragment == null || fragment.isBlank()) {
            return;
        }
        ordering.sortedBy(collection, target, fragment, index.inTables(tables)).ifPresent(sorted -> {
            String name = annotation != null ? annotation : OrderingAnnotation.of(collection);
            throw MappedFragmentKind.ORDER.refuse(name + " on " + owner, name, sorted.reference(),
                    index.attribute(sorted.column()), sorted.column());
        });
    }
}
