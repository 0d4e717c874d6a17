package dev.hibernateae.internal.hibernate.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "narrow")
public class Narrow {
    @Id
    public Long id;

    /** 50 UTF-16 characters: cells of up to 1 + 32 + 16 + 16 * (100 / 16 + 1) = 161 bytes. */
    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(name = "secret", length = 50)
    public String secret;
}
