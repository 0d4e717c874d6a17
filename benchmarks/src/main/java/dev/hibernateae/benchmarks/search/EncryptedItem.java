package dev.hibernateae.benchmarks.search;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Side (a) of {@link SearchBenchmark}: two randomized attributes and no search, what an insert costs before search
 * tokens. {@link SearchableItem} is the same with tokens, {@link PlainItem} the plaintext twin.
 */
@Entity(name = "EncryptedItem")
@Table(name = "bench_item_encrypted")
public class EncryptedItem {
    @Id
    Long id;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(name = "name")
    String name;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(name = "amount")
    Long amount;

    protected EncryptedItem() {
    }

    EncryptedItem(long id, String name, long amount) {
        this.id = id;
        this.name = name;
        this.amount = amount;
    }
}
