package dev.hibernateae.benchmarks.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The plaintext twin of {@link EncryptedPerson}: the same attributes, types, lengths and index, no encryption. */
@Entity(name = "PlainPerson")
@Table(name = "bench_person_plain", indexes = @Index(name = "bench_person_plain_nid", columnList = "national_id"))
public class PlainPerson implements Person {
    @Id
    Long id;

    @Column(name = "national_id", length = 11)
    String nationalId;

    @Column(name = "email", length = 48)
    String email;

    @Column(name = "birth_date")
    LocalDate birthDate;

    @Column(name = "last_name", length = 48)
    String lastName;

    @Column(name = "city", length = 48)
    String city;

    @Column(name = "visits")
    int visits;

    protected PlainPerson() {
    }

    PlainPerson(long id, PersonValues values) {
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
