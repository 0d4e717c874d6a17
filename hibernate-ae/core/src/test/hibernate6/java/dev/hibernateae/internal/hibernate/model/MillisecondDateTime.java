package dev.hibernateae.internal.hibernate.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;
import org.hibernate.annotations.FractionalSeconds;

/**
 * An encrypted date-time with three fractional-second digits, declared with Hibernate's {@code @FractionalSeconds}
 * (Jakarta Persistence 3.1, which Hibernate 6.6 uses, has no {@code secondPrecision}). This test source has one
 * version per Hibernate line.
 */
@MappedSuperclass
public abstract class MillisecondDateTime {
    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @FractionalSeconds(3)
    public LocalDateTime aDateTimeMillis;
}
