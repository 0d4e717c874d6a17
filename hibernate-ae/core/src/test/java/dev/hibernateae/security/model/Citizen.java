package dev.hibernateae.security.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the database administrator attacks: a national ID, a private note and a card number, each encrypted. */
@Entity
@Table(name = "citizen")
public class Citizen {
    @Id
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 11)
    public String ssn;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(length = 40)
    public String note;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek_cards")
    @Column(length = 19)
    public String card;

    public String name;

    public Citizen() {
    }

    public Citizen(long id, String ssn, String note, String card, String name) {
        this.id = id;
        this.ssn = ssn;
        this.note = note;
        this.card = card;
        this.name = name;
    }
}
