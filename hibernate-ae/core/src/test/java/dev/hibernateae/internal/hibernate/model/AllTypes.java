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

/**
 * One encrypted attribute of every supported type; the one with a fractional-seconds precision comes from
 * {@link MillisecondDateTime}, whose annotation differs between Hibernate lines.
 */
@Entity
public class AllTypes extends MillisecondDateTime {
    @Id
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 50)
    public String aString;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1", stringEncoding = StringEncoding.UTF_8)
    @Column(length = 50)
    public String aUtf8String;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Boolean aBoolean;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public byte aByte;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Short aShort;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public int anInt;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Long aLong;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Float aFloat;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Double aDouble;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(precision = 12, scale = 3)
    public BigDecimal aDecimal;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public LocalDate aDate;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public LocalTime aTime;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public LocalDateTime aDateTime;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public OffsetDateTime anOffsetDateTime;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public Instant anInstant;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public UUID aUuid;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(length = 100)
    public byte[] someBytes;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    public BloodType enumByName;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Enumerated(EnumType.ORDINAL)
    public BloodType enumByOrdinal;
}
