package dev.hibernateae.internal.search;

import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.Value;

/**
 * The searchable attributes of one session factory and their token tables, built once the mapping is complete
 * (after the encrypted attributes know their searches): by role for the query stage, by entity for token
 * maintenance. Adds each token table to the mapping's relational model, so Hibernate's schema management creates,
 * updates and validates it with the application's own tables.
 */
public final class SearchCatalog {
    private static final SearchCatalog EMPTY = new SearchCatalog(Map.of(), Map.of());

    private final Map<String, SearchableColumn> byRole;
    private final Map<String, List<TableTokens>> byEntity;

    /** The searchable columns of one table, as an entity writes them. */
    public record TableTokens(TokenTable table, List<SearchableColumn> columns) {
    }

    private SearchCatalog(Map<String, SearchableColumn> byRole, Map<String, List<TableTokens>> byEntity) {
        this.byRole = byRole;
        this.byEntity = byEntity;
    }

    public static SearchCatalog empty() {
        return EMPTY;
    }

    /** Reads the searchable attributes from the complete mapping, and adds their token tables to it. */
    public static SearchCatalog build(Metadata metadata, SessionFactoryImplementor factory) {
        Map<Table, TokenTable> tables = new IdentityHashMap<>();
        Map<String, SearchableColumn> byRole = new HashMap<>();
        Map<String, List<TableTokens>> byEntity = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            Map<TokenTable, List<SearchableColumn>> ofEntity = new LinkedHashMap<>();
            for (Property property : entity.getPropertyClosure()) {
                collect(property.getName(), property.getValue(), entity, metadata, factory, tables, byRole,
                        ofEntity);
            }
            if (!ofEntity.isEmpty()) {
                List<TableTokens> list = new ArrayList<>();
                ofEntity.forEach((table, columns) -> list.add(new TableTokens(table, List.copyOf(columns))));
                byEntity.put(entity.getEntityName(), List.copyOf(list));
            }
        }
        return byRole.isEmpty() ? EMPTY : new SearchCatalog(Map.copyOf(byRole), Map.copyOf(byEntity));
    }

    private static void collect(String path, Value value, PersistentClass entity, Metadata metadata,
            SessionFactoryImplementor factory, Map<Table, TokenTable> tables, Map<String, SearchableColumn> byRole,
            Map<TokenTable, List<SearchableColumn>> ofEntity) {
        if (value instanceof Component component) {
            for (Property property : component.getProperties()) {
                collect(path + "." + property.getName(), property.getValue(), entity, metadata, factory, tables,
                        byRole, ofEntity);
            }
            return;
        }
        if (!(value instanceof BasicValue basic)) {
            return;
        }
        EncryptedAttributeConverter<?> converter = EncryptedAttributeConverter.behind(basic.resolve().getJdbcMapping());
        if (converter == null || !converter.search().any()) {
            return;
        }
        TokenTable tokens = tables.computeIfAbsent(basic.getTable(),
                owner -> TokenTableModel.add(owner, entity, basic, metadata, factory));
        SearchableColumn column = SearchableColumn.of(converter.attribute(), converter.search(), path, tokens);
        byRole.putIfAbsent(converter.attribute().role(), column);
        ofEntity.computeIfAbsent(tokens, t -> new ArrayList<>()).add(column);
    }

    /** The searchable column of an encrypted attribute, or null when it declared no search. */
    public SearchableColumn column(EncryptedAttribute<?> attribute) {
        return attribute == null ? null : byRole.get(attribute.role());
    }

    /** Every token table of the mapping, once each, with the columns of the first entity that writes it. */
    public List<TableTokens> tables() {
        Map<TokenTable, TableTokens> tables = new LinkedHashMap<>();
        byEntity.values().stream().flatMap(List::stream).sorted(java.util.Comparator.comparing(t -> t.table().name()))
                .forEach(t -> tables.merge(t.table(), t, (a, b) -> a.columns().size() >= b.columns().size() ? a : b));
        return List.copyOf(tables.values());
    }

    /** The token tables an entity of this name writes, with their columns; empty when none. */
    public List<TableTokens> tablesOf(String entityName) {
        return byEntity.getOrDefault(entityName, List.of());
    }

    public boolean isEmpty() {
        return byRole.isEmpty();
    }
}
