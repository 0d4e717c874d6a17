package dev.hibernateae.internal.hibernate.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "patient")
public class Patient {
    @Id
    @GeneratedValue
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 11, nullable = false)
    public String ssn;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    public LocalDate birthDate;

    public String lastName;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek2")
    public Integer mrn;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(precision = 10, scale = 2)
    public BigDecimal balance;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public BloodType bloodType;

    @Embedded
    public Address address;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "patient_alias")
    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(name = "alias", length = 40)
    public Set<String> aliases = new HashSet<>();

    public Patient() {
    }

    public Patient(String ssn, LocalDate birthDate, String lastName) {
        this.ssn = ssn;
        this.birthDate = birthDate;
        this.lastName = lastName;
    }
}
