package dev.hibernateae.internal.hibernate.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;

/**
 * An encrypted date-time with three fractional-second digits, declared with Jakarta Persistence 3.2's
 * {@code @Column(secondPrecision)}. This test source has one version per Hibernate line.
 */
@MappedSuperclass
public abstract class MillisecondDateTime {
    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(secondPrecision = 3)
    public LocalDateTime aDateTimeMillis;
}
