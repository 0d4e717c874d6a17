package dev.hibernateae.internal.hibernate.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 10)
    public String zip;

    public String city;

    public Address() {
    }

    public Address(String zip, String city) {
        this.zip = zip;
        this.city = city;
    }
}
