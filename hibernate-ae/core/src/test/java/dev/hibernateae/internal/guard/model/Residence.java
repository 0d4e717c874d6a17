package dev.hibernateae.internal.guard.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Residence {
    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 10)
    public String zip;

    public String city;

    public Residence() {
    }

    public Residence(String zip, String city) {
        this.zip = zip;
        this.city = city;
    }
}
