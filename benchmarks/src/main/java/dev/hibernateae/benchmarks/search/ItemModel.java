package dev.hibernateae.benchmarks.search;

import java.util.List;

/** The three sides of {@link SearchBenchmark}: their entity, table, and how to build one row. */
enum ItemModel {
    /** (a) two randomized attributes, no search. */
    ENCRYPTED("EncryptedItem", "bench_item_encrypted", List.of()),
    /** (b) the same with prefix and range search tokens. */
    SEARCHABLE("SearchableItem", "bench_item_searchable", List.of()),
    /** (c) plaintext, both attributes indexed. */
    PLAINTEXT("PlainItem", "bench_item_plain",
            List.of("create index bench_item_plain_name on bench_item_plain (name varchar_pattern_ops)"));

    final String entity;
    final String table;
    /** Statements run once the schema exists. */
    final List<String> extraDdl;

    ItemModel(String entity, String table, List<String> extraDdl) {
        this.entity = entity;
        this.table = table;
        this.extraDdl = extraDdl;
    }

    Object create(long id, String name, long amount) {
        return switch (this) {
            case ENCRYPTED -> new EncryptedItem(id, name, amount);
            case SEARCHABLE -> new SearchableItem(id, name, amount);
            case PLAINTEXT -> new PlainItem(id, name, amount);
        };
    }

    /** The entity class of this side. */
    Class<?> type() {
        return entities()[ordinal()];
    }

    static Class<?>[] entities() {
        return new Class<?>[] {EncryptedItem.class, SearchableItem.class, PlainItem.class};
    }
}
