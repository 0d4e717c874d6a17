package dev.hibernateae.lifecycle.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A household whose key name cek1 covers its own column and a default element collection: a bag, whose table
 * Hibernate creates without a primary key. Its card number is under another key name, which a rotation of cek1
 * must leave alone.
 */
@Entity
@Table(name = "household")
public class Household {
    @Id
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 11)
    public String ssn;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek_cards")
    @Column(length = 19)
    public String card;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "household_member")
    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(name = "member_name", length = 30)
    public List<String> members = new ArrayList<>();

    public Household() {
    }

    public Household(long id, String ssn, String card, List<String> members) {
        this.id = id;
        this.ssn = ssn;
        this.card = card;
        this.members = new ArrayList<>(members);
    }
}
