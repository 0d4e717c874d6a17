package dev.hibernateae.benchmarks.boot;

import dev.hibernateae.api.Encrypted;
import dev.hibernateae.api.EncryptionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Five entities of ten encrypted attributes each (50 in all), one of every supported kind of value in turn,
 * deterministic and randomized alternately: the model whose boot {@link BootBenchmark} times against
 * {@link WidePlainModel}, the same model without {@code @Encrypted}.
 */
public final class WideEncryptedModel {
    public static final List<Class<?>> ENTITIES = List.of(
            WideEncrypted1.class, WideEncrypted2.class, WideEncrypted3.class,
            WideEncrypted4.class, WideEncrypted5.class);

    private WideEncryptedModel() {
    }

    @Entity(name = "WideEncrypted1")
    @Table(name = "bench_wideencrypted1")
    public static class WideEncrypted1 {
        @Id
        Long id;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") @Column(length = 32) String a01;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") @Column(length = 64) String a02;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") Long a03;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Integer a04;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") LocalDate a05;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") LocalDateTime a06;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") @Column(precision = 12, scale = 2) BigDecimal a07;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Boolean a08;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") UUID a09;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Double a10;
    }

    @Entity(name = "WideEncrypted2")
    @Table(name = "bench_wideencrypted2")
    public static class WideEncrypted2 {
        @Id
        Long id;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") @Column(length = 32) String a11;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") @Column(length = 64) String a12;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") Long a13;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Integer a14;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") LocalDate a15;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") LocalDateTime a16;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") @Column(precision = 12, scale = 2) BigDecimal a17;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Boolean a18;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") UUID a19;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Double a20;
    }

    @Entity(name = "WideEncrypted3")
    @Table(name = "bench_wideencrypted3")
    public static class WideEncrypted3 {
        @Id
        Long id;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") @Column(length = 32) String a21;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") @Column(length = 64) String a22;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") Long a23;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Integer a24;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") LocalDate a25;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") LocalDateTime a26;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") @Column(precision = 12, scale = 2) BigDecimal a27;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Boolean a28;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") UUID a29;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Double a30;
    }

    @Entity(name = "WideEncrypted4")
    @Table(name = "bench_wideencrypted4")
    public static class WideEncrypted4 {
        @Id
        Long id;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") @Column(length = 32) String a31;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") @Column(length = 64) String a32;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") Long a33;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Integer a34;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") LocalDate a35;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") LocalDateTime a36;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") @Column(precision = 12, scale = 2) BigDecimal a37;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Boolean a38;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") UUID a39;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Double a40;
    }

    @Entity(name = "WideEncrypted5")
    @Table(name = "bench_wideencrypted5")
    public static class WideEncrypted5 {
        @Id
        Long id;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") @Column(length = 32) String a41;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") @Column(length = 64) String a42;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") Long a43;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Integer a44;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") LocalDate a45;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") LocalDateTime a46;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") @Column(precision = 12, scale = 2) BigDecimal a47;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Boolean a48;
        @Encrypted(type = EncryptionType.DETERMINISTIC, key = "cek1") UUID a49;
        @Encrypted(type = EncryptionType.RANDOMIZED, key = "cek1") Double a50;
    }
}
