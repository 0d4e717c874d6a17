package dev.hibernateae.jta;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row with an encrypted column under key name cek1, written and read inside JTA transactions. */
@Entity
@Table(name = "jta_note")
public class JtaNote {
    @Id
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 40)
    public String secret;

    /** Plain: a write of the application's own, in the same transaction. */
    @Column(length = 40)
    public String label;

    public JtaNote() {
    }

    public JtaNote(Long id, String secret, String label) {
        this.id = id;
        this.secret = secret;
        this.label = label;
    }
}
