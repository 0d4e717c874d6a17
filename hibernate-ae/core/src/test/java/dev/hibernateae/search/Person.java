package dev.hibernateae.search;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.EqualitySearch;
import dev.hibernateae.api.IgnoreCaseSearch;
import dev.hibernateae.api.PrefixSearch;
import dev.hibernateae.api.SuffixSearch;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An entity with every search on randomized attributes, and a plain attribute to combine them with. */
@Entity
public class Person {
    @Id
    @GeneratedValue
    public Long id;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @EqualitySearch
    public String ssn;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @IgnoreCaseSearch
    @PrefixSearch(minLength = 1, maxLength = 5)
    @SuffixSearch(minLength = 2, maxLength = 4, contention = 2)
    public String lastName;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @IgnoreCaseSearch(ignoreAccents = true, contention = 1)
    public String city;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek2")
    @EqualitySearch(contention = 8)
    public Integer mrn;

    public String note;

    public Person() {
    }

    public Person(String ssn, String lastName, String city, Integer mrn, String note) {
        this.ssn = ssn;
        this.lastName = lastName;
        this.city = city;
        this.mrn = mrn;
        this.note = note;
    }
}
