package dev.hibernateae.spring.app;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.EqualitySearch;
import dev.hibernateae.api.IgnoreCaseSearch;
import dev.hibernateae.api.PrefixSearch;
import dev.hibernateae.api.SuffixSearch;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

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

    protected Member() {
    }

    public Member(String email, String lastName) {
        this.email = email;
        this.lastName = lastName;
    }
}
