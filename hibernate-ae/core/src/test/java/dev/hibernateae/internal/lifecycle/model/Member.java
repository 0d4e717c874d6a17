package dev.hibernateae.internal.lifecycle.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A table whose columns are encrypted in place: they held plaintext before {@code @Encrypted} was added. */
@Entity
@Table(name = "member")
public class Member {
    @Id
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 60)
    public String email;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public LocalDateTime joinedAt;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(precision = 8, scale = 2)
    public BigDecimal balance;

    public String name;

    public Member() {
    }

    public Member(long id, String email, LocalDateTime joinedAt, BigDecimal balance, String name) {
        this.id = id;
        this.email = email;
        this.joinedAt = joinedAt;
        this.balance = balance;
        this.name = name;
    }
}
