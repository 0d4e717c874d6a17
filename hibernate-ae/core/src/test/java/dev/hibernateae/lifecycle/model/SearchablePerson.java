package dev.hibernateae.lifecycle.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.PrefixSearch;
import dev.hibernateae.api.RangeSearch;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** {@link Person} with searches declared: the mapping of a live table encrypted in place with search tokens. */
@Entity
@Table(name = "person")
public class SearchablePerson {
    @Id
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @PrefixSearch(minLength = 2, maxLength = 8)
    @Column(length = 60)
    public String email;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @RangeSearch(min = "1900-01-01", max = "2100-12-31")
    public LocalDate born;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @RangeSearch(min = "-100000", max = "100000")
    public Integer score;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(precision = 8, scale = 2)
    public BigDecimal balance;

    public String name;
}
