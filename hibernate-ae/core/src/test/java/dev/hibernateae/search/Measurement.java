package dev.hibernateae.search;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.RangeSearch;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Range search on every supported type, with declared and natural domains and every knob. */
@Entity
public class Measurement {
    @Id
    @GeneratedValue
    public Long id;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @RangeSearch(min = "-1000", max = "1000", sparsity = 1)
    public Integer score;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @RangeSearch(sparsity = 4, trim = 1)
    public Long amount;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @RangeSearch(contention = 2)
    public Short grade;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @Column(precision = 9, scale = 2)
    @RangeSearch(sparsity = 3)
    public BigDecimal price;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @RangeSearch(sparsity = 4)
    public Double ratio;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @RangeSearch(sparsity = 4)
    public Float weight;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @RangeSearch
    public LocalDate onDay;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @RangeSearch(unit = ChronoUnit.MILLIS, sparsity = 3)
    public LocalTime atTime;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @RangeSearch(min = "2000-01-01T00:00", max = "2099-12-31T23:59:59", unit = ChronoUnit.SECONDS, sparsity = 3)
    public LocalDateTime stamp;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @RangeSearch(sparsity = 4)
    public Instant seenAt;

    @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1")
    @RangeSearch(sparsity = 4)
    public OffsetDateTime moment;

    public String note;
}
