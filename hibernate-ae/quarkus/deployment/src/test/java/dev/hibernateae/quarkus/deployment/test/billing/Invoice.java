package dev.hibernateae.quarkus.deployment.test.billing;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An entity of the named persistence unit {@code billing}. */
@Entity
public class Invoice {
    @Id
    @GeneratedValue
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek_billing")
    public String accountNumber;
}
