package dev.hibernateae.benchmarks.entities;

import dev.hibernateae.internal.crypto.CellCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A diagnostic twin: {@link EncryptedPerson}'s columns (binary, the same lengths and index) holding random bytes as
 * long as the cells would be, with no converter. Against it, the encrypted twin pays only for the cells' encryption;
 * against the plaintext twin, it pays only for storing and moving ciphertext-sized binary values.
 */
@Entity(name = "BinaryPerson")
@Table(name = "bench_person_binary", indexes = @Index(name = "bench_person_binary_nid", columnList = "national_id"))
public class BinaryPerson implements Person {
    @Id
    Long id;

    @Column(name = "national_id", length = 81)
    byte[] nationalId;

    @Column(name = "email", length = 161)
    byte[] email;

    @Column(name = "birth_date", length = 65)
    byte[] birthDate;

    @Column(name = "last_name", length = 48)
    String lastName;

    @Column(name = "city", length = 48)
    String city;

    @Column(name = "visits")
    int visits;

    protected BinaryPerson() {
    }

    BinaryPerson(long id, PersonValues values) {
        this.id = id;
        this.nationalId = nationalIdBytes(values);
        this.email = cellSized(values.email().getBytes(StandardCharsets.UTF_16LE).length, values.email().hashCode());
        this.birthDate = cellSized(3, values.birthDate().hashCode());
        this.lastName = values.lastName();
        this.city = values.city();
        this.visits = values.visits();
    }

    /** What a row stores for its national ID: random bytes, as many as its cell has, the same for the same ID. */
    static byte[] nationalIdBytes(PersonValues values) {
        return cellSized(values.nationalId().length() * 2, values.nationalId().hashCode());
    }

    private static byte[] cellSized(int plaintextLength, long seed) {
        byte[] bytes = new byte[CellCipher.cellLength(plaintextLength)];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    @Override
    public boolean holds(PersonValues expected) {
        return Arrays.equals(nationalId, nationalIdBytes(expected)) && lastName.equals(expected.lastName())
                && city.equals(expected.city()) && visits == expected.visits();
    }
}
