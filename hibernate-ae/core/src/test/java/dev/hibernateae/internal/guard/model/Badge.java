package dev.hibernateae.internal.guard.model;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;

/** Spread over two tables, so Hibernate runs bulk statements on it through its multi-table strategies. */
@Entity
@Table(name = "guard_badge")
@SecondaryTable(name = "guard_badge_detail")
public class Badge {
    @Id
    @GeneratedValue
    public Long id;

    @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1")
    @Column(length = 11)
    public String holderSsn;

    @Column(table = "guard_badge_detail")
    public String label;

    public Badge() {
    }

    public Badge(String holderSsn, String label) {
        this.holderSsn = holderSsn;
        this.label = label;
    }
}
