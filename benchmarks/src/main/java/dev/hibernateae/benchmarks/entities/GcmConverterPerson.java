package dev.hibernateae.benchmarks.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * Peer of {@link EncryptedPerson}: the same attributes protected by hand-written AES-GCM converters
 * ({@link AesGcmConverters}). Columns hold Base64 of IV (12 bytes), ciphertext (as long as the UTF-8 plaintext) and
 * tag (16 bytes): 52 characters for an 11-character ID or a 10-character date, 104 for a 48-character email. The
 * index every twin has stays, so inserts maintain the same structures; a randomized column gains nothing from it.
 */
@Entity(name = "GcmConverterPerson")
@Table(name = "bench_person_gcm", indexes = @Index(name = "bench_person_gcm_nid", columnList = "national_id"))
public class GcmConverterPerson implements Person {
    @Id
    Long id;

    @Convert(converter = AesGcmConverters.Text.class)
    @Column(name = "national_id", length = 52)
    String nationalId;

    @Convert(converter = AesGcmConverters.Text.class)
    @Column(name = "email", length = 104)
    String email;

    @Convert(converter = AesGcmConverters.Date.class)
    @Column(name = "birth_date", length = 52)
    LocalDate birthDate;

    @Column(name = "last_name", length = 48)
    String lastName;

    @Column(name = "city", length = 48)
    String city;

    @Column(name = "visits")
    int visits;

    protected GcmConverterPerson() {
    }

    GcmConverterPerson(long id, PersonValues values) {
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
