package dev.hibernateae.internal.hibernate.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Refers to a patient by SSN, encrypted under the same key, so the two can be joined on ciphertext. */
@Entity
public class Claim {
    @Id
    @GeneratedValue
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 11)
    public String patientSsn;

    public String code;

    public Claim() {
    }

    public Claim(String patientSsn, String code) {
        this.patientSsn = patientSsn;
        this.code = code;
    }
}
