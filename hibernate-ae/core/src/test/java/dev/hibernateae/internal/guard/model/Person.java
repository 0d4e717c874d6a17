package dev.hibernateae.internal.guard.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.StringEncoding;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The guard's test entity: one attribute for each way an encrypted attribute can relate to {@link #ssn}
 * (deterministic under the same key and format; same key but another string encoding; randomized; another key),
 * plain attributes, an embeddable, element collections and an association.
 */
@Entity
@Table(name = "guard_person")
@NamedQuery(name = "Person.bySsn", query = "select p from Person p where p.ssn = :ssn")
public class Person {
    @Id
    @GeneratedValue
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 11)
    public String ssn;

    /** Same key and Java type as {@link #ssn}, other plaintext format: never comparable with it. */
    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1", stringEncoding = StringEncoding.UTF_8)
    @Column(length = 40)
    public String email;

    /** Same key and format as {@link #ssn} but randomized. */
    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(length = 11)
    public String note;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    public LocalDate birthDate;

    /** Same type and format as {@link #ssn} under another key. */
    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek2")
    @Column(length = 11)
    public String formerSsn;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Integer mrn;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Boolean active;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Long creditLimit;

    public String lastName;

    public Integer age;

    @Embedded
    public Residence home;

    @ElementCollection
    @CollectionTable(name = "guard_person_alias")
    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(name = "alias", length = 11)
    public Set<String> aliases = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "guard_person_secret")
    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(name = "secret", length = 20)
    public Set<String> secrets = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "guard_person_nickname")
    @Column(name = "nickname", length = 20)
    public Set<String> nicknames = new HashSet<>();

    @ManyToOne
    public Clinic clinic;

    public Person() {
    }

    public Person(String ssn, String lastName) {
        this.ssn = ssn;
        this.lastName = lastName;
    }
}
