package dev.hibernateae.internal.guard.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** A subclass (single table) with an encrypted attribute of its own, reached through {@code treat}. */
@Entity
public class Vip extends Person {
    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 11)
    public String code;

    public Vip() {
    }

    public Vip(String ssn, String lastName, String code) {
        super(ssn, lastName);
        this.code = code;
    }
}
