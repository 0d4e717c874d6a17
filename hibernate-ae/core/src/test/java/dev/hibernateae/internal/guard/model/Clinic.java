package dev.hibernateae.internal.guard.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Another entity whose {@link #ownerSsn} is encrypted exactly like {@link Person#ssn}: joinable on it. */
@Entity
@Table(name = "guard_clinic")
public class Clinic {
    @Id
    @GeneratedValue
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 11)
    public String ownerSsn;

    public String name;

    public Clinic() {
    }

    public Clinic(String ownerSsn, String name) {
        this.ownerSsn = ownerSsn;
        this.name = name;
    }
}
