package dev.hibernateae.quarkus.deployment.test.patients;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.time.LocalDate;

/** An entity of the default persistence unit. */
@Entity
public class Patient {
    @Id
    @GeneratedValue
    public Long id;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek_patient")
    public LocalDate birthDate;
}
