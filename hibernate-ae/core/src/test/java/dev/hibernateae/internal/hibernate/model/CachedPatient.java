package dev.hibernateae.internal.hibernate.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

@Entity
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class CachedPatient {
    @Id
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 20)
    public String ssn;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(length = 40)
    public String diagnosis;

    public String lastName;

    @ElementCollection(fetch = FetchType.EAGER)
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 20)
    public Set<String> phones = new HashSet<>();
}
