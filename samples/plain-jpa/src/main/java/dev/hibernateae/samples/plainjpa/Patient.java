package dev.hibernateae.samples.plainjpa;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A patient: the SSN encrypted DETERMINISTIC (a patient can be found by it), the birth date RANDOMIZED (reveals
 * nothing, cannot be searched), the names plain.
 */
@Entity
@Table(name = "plain_jpa_patient") // not "patient": the clinic sample may share the database
public class Patient {
    @Id
    @GeneratedValue
    private Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = DemoKeys.COLUMN_ENCRYPTION_KEY)
    @Column(length = 11, nullable = false)
    private String ssn;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = DemoKeys.COLUMN_ENCRYPTION_KEY)
    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    protected Patient() {
    }

    public Patient(String ssn, LocalDate birthDate, String firstName, String lastName) {
        this.ssn = ssn;
        this.birthDate = birthDate;
        this.firstName = firstName;
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

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    @Override
    public String toString() {
        return "Patient#" + id; // never the SSN or birth date: logs are not encrypted
    }
}
