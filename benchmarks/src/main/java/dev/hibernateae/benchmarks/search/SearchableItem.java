package dev.hibernateae.benchmarks.search;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.PrefixSearch;
import dev.hibernateae.api.RangeSearch;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Side (b) of {@link SearchBenchmark}: {@link EncryptedItem} with search tokens, prefixes of 1 to 8 characters on
 * the name and ranges over 0 to 100,000,000 on the amount (other parameters at their defaults). Its tokens live in
 * {@value #TOKEN_TABLE}.
 */
@Entity(name = "SearchableItem")
@Table(name = "bench_item_searchable")
public class SearchableItem {
    static final String TOKEN_TABLE = "bench_item_searchable_hae_tokens";

    @Id
    Long id;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @PrefixSearch(minLength = 1, maxLength = 8)
    @Column(name = "name")
    String name;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @RangeSearch(min = "0", max = "100000000")
    @Column(name = "amount")
    Long amount;

    protected SearchableItem() {
    }

    SearchableItem(long id, String name, long amount) {
        this.id = id;
        this.name = name;
        this.amount = amount;
    }
}
