package dev.hibernateae.lifecycle.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The mapping after {@code @Encrypted} was added to a live table whose columns were plaintext. */
@Entity
@Table(name = "person")
public class Person {
    @Id
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 60)
    public String email;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public LocalDate born;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    public Integer score;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(precision = 8, scale = 2)
    public BigDecimal balance;

    public String name;
}
