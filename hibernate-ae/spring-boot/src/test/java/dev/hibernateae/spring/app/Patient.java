package dev.hibernateae.spring.app;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;

@Entity
@Table(name = "patient")
// Answers a repository method whose name alone would be refused (RepositoryMethodRefusalTest).
@NamedQuery(name = "Patient.findBySsnEndingWith", query = "select p from Patient p where p.ssn = :ssn")
public class Patient {
    @Id
    @GeneratedValue
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek_keystore")
    @Column(length = 11, nullable = false)
    public String ssn;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek_keystore")
    public LocalDate birthDate;

    /** Under a key wrapped by the Azure Key Vault master key. */
    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek_vault")
    public Integer mrn;

    public String firstName;

    public String lastName;

    protected Patient() {
    }

    public Patient(String ssn, LocalDate birthDate, int mrn, String firstName, String lastName) {
        this.ssn = ssn;
        this.birthDate = birthDate;
        this.mrn = mrn;
        this.firstName = firstName;
        this.lastName = lastName;
    }

    @Override
    public String toString() {
        return "Patient#" + id; // no encrypted values in test output
    }
}
