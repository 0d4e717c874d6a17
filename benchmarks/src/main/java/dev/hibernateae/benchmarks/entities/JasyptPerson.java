package dev.hibernateae.benchmarks.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * Peer of {@link EncryptedPerson}: the same attributes protected by jasypt ({@link JasyptConverters}). Columns hold
 * Base64 of the 8-byte salt and the DES ciphertext (the UTF-8 plaintext padded to whole 8-byte blocks): 32
 * characters for an 11-character ID or a 10-character date, 88 for a 48-character email. The index every twin has
 * stays, so inserts maintain the same structures; a randomized column gains nothing from it.
 */
@Entity(name = "JasyptPerson")
@Table(name = "bench_person_jasypt", indexes = @Index(name = "bench_person_jasypt_nid", columnList = "national_id"))
public class JasyptPerson implements Person {
    @Id
    Long id;

    @Convert(converter = JasyptConverters.Text.class)
    @Column(name = "national_id", length = 32)
    String nationalId;

    @Convert(converter = JasyptConverters.Text.class)
    @Column(name = "email", length = 88)
    String email;

    @Convert(converter = JasyptConverters.Date.class)
    @Column(name = "birth_date", length = 32)
    LocalDate birthDate;

    @Column(name = "last_name", length = 48)
    String lastName;

    @Column(name = "city", length = 48)
    String city;

    @Column(name = "visits")
    int visits;

    protected JasyptPerson() {
    }

    JasyptPerson(long id, PersonValues values) {
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
