package app.example;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One deterministic encrypted string. */
@Entity
@Table(name = "modular_secret")
public class Secret {
    @Id
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = Main.COLUMN_ENCRYPTION_KEY)
    @Column(length = 40)
    public String code;

    public Secret() {
    }

    Secret(Long id, String code) {
        this.id = id;
        this.code = code;
    }
}
