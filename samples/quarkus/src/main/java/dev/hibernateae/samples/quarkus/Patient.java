package dev.hibernateae.samples.quarkus;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.RangeSearch;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A patient. The SSN is encrypted DETERMINISTIC, so a patient can be found by it; the birth date RANDOMIZED, with
 * range search tokens, so patients can be found by a range of birth dates (and by nothing else). The last name is a
 * plain column.
 */
@Entity
@Table(name = "patient")
public class Patient {
    @Id
    @GeneratedValue
    private Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = SampleKeys.PATIENT_KEY)
    @Column(name = "ssn", length = 11, nullable = false)
    private String ssn;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = SampleKeys.PATIENT_KEY)
    @RangeSearch(min = "1900-01-01", max = "2100-12-31")
    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "last_name")
    private String lastName;

    protected Patient() {
    }

    public Patient(String ssn, LocalDate birthDate, String lastName) {
        this.ssn = ssn;
        this.birthDate = birthDate;
        this.lastName = lastName;
    }

    public Long getId() {
        return id;
    }

    public String getSsn() {
        return ssn;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getLastName() {
        return lastName;
    }
}
