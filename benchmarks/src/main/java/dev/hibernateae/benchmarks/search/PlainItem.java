package dev.hibernateae.benchmarks.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * Side (c) of {@link SearchBenchmark}, the query baseline: the same attributes in plaintext, each with an ordinary
 * index. The name's index is created by {@link ItemModel#PLAINTEXT}'s extra DDL with {@code varchar_pattern_ops}, the
 * index PostgreSQL uses for {@code like 'abc%'} under any collation (a default B-tree serves LIKE only under the
 * {@code C} collation, and the benchmark database runs {@code C.UTF-8}).
 */
@Entity(name = "PlainItem")
@Table(name = "bench_item_plain", indexes = @Index(name = "bench_item_plain_amount", columnList = "amount"))
public class PlainItem {
    @Id
    Long id;

    @Column(name = "name", length = 16)
    String name;

    @Column(name = "amount")
    Long amount;

    protected PlainItem() {
    }

    PlainItem(long id, String name, long amount) {
        this.id = id;
        this.name = name;
        this.amount = amount;
    }
}
