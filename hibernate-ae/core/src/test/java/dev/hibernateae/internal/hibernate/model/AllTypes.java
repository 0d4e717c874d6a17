package dev.hibernateae.internal.hibernate.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.StringEncoding;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One encrypted attribute of every supported type. */
@Entity
public class AllTypes {
    @Id
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 50)
    public String text;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1", stringEncoding = StringEncoding.UTF_8)
    @Column(length = 50)
    public String utf8Text;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Boolean flag;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public byte tiny;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Short small;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public int number;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Long big;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Float real;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Double dbl;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(precision = 12, scale = 3)
    public BigDecimal amount;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public LocalDate day;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public LocalTime time;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public LocalDateTime stamp;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(secondPrecision = 3)
    public LocalDateTime stampMillis;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public OffsetDateTime offsetStamp;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Instant instant;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public UUID uuid;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(length = 100)
    public byte[] blob;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public BloodType bloodByName;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Enumerated(EnumType.ORDINAL)
    public BloodType bloodByOrdinal;
}
