package dev.hibernateae.samples.quarkus;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A prescription, its drug encrypted DETERMINISTIC under a key of its own. */
@Entity
@Table(name = "prescription")
public class Prescription {
    @Id
    @GeneratedValue
    private Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = SampleKeys.PRESCRIPTION_KEY)
    @Column(name = "drug", length = 100, nullable = false)
    private String drug;

    protected Prescription() {
    }

    public Prescription(String drug) {
        this.drug = drug;
    }

    public Long getId() {
        return id;
    }

    public String getDrug() {
        return drug;
    }
}
