package dev.hibernateae.spring.actuate.accounts;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bank account number under one key, an IBAN under another: what the health and metrics tests load. */
@Entity
@Table(name = "account")
public class Account {
    @Id
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek_accounts")
    @Column(length = 20)
    public String number;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek_iban")
    @Column(length = 34)
    public String iban;

    protected Account() {
    }

    public Account(long id, String number, String iban) {
        this.id = id;
        this.number = number;
        this.iban = iban;
    }

    @Override
    public String toString() {
        return "Account#" + id;
    }
}
