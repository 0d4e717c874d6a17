package dev.hibernateae.benchmarks.entities;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Six attributes, three encrypted (two deterministic, one randomized); {@link PlainPerson} is its plaintext twin. */
@Entity(name = "EncryptedPerson")
@Table(name = "bench_person_encrypted", indexes = @Index(name = "bench_person_encrypted_nid", columnList = "national_id"))
public class EncryptedPerson implements Person {
    @Id
    Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(name = "national_id", length = 11)
    String nationalId;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(name = "email", length = 48)
    String email;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(name = "birth_date")
    LocalDate birthDate;

    @Column(name = "last_name", length = 48)
    String lastName;

    @Column(name = "city", length = 48)
    String city;

    @Column(name = "visits")
    int visits;

    protected EncryptedPerson() {
    }

    EncryptedPerson(long id, PersonValues values) {
        this.id = id;
        this.nationalId = values.nationalId();
        this.email = values.email();
        this.birthDate = values.birthDate();
        this.lastName = values.lastName();
        this.city = values.city();
        this.visits = values.visits();
    }

    @Override
    public boolean holds(PersonValues expected) {
        return expected.equals(new PersonValues(nationalId, email, birthDate, lastName, city, visits));
    }
}
