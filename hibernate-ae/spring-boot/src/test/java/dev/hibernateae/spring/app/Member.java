package dev.hibernateae.spring.app;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.EqualitySearch;
import dev.hibernateae.api.IgnoreCaseSearch;
import dev.hibernateae.api.PrefixSearch;
import dev.hibernateae.api.RangeSearch;
import dev.hibernateae.api.SuffixSearch;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.time.LocalDate;

/** A member with searchable randomized attributes, for Spring Data's derived searches. */
@Entity
public class Member {
    @Id
    @GeneratedValue
    public Long id;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek_keystore")
    @EqualitySearch
    public String email;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek_keystore")
    @PrefixSearch(maxLength = 8)
    @SuffixSearch(minLength = 2, maxLength = 4)
    @IgnoreCaseSearch
    public String lastName;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek_keystore")
    @RangeSearch(min = "0", max = "150")
    public Integer age;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek_keystore")
    @RangeSearch(min = "1900-01-01", max = "2100-12-31")
    public LocalDate joined;

    protected Member() {
    }

    public Member(String email, String lastName, Integer age, LocalDate joined) {
        this.email = email;
        this.lastName = lastName;
        this.age = age;
        this.joined = joined;
    }
}
