package dev.hibernateae.internal.hibernate.model.fragments;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The element of the collections whose annotations are checked: encrypted {@link #ssn}, plain {@link #lastName}. */
@Entity
@Table(name = "frag_resident")
public class Resident {
    @Id
    @GeneratedValue
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(name = "ssn", length = 11)
    public String ssn;

    @Column(name = "last_name")
    public String lastName;

    public Resident() {
    }

    public Resident(String ssn, String lastName) {
        this.ssn = ssn;
        this.lastName = lastName;
    }
}
