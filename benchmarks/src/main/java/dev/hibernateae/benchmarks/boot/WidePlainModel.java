package dev.hibernateae.benchmarks.boot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** {@link WideEncryptedModel} without {@code @Encrypted}: the same entities, attributes, types and lengths. */
public final class WidePlainModel {
    public static final List<Class<?>> ENTITIES = List.of(
            WidePlain1.class, WidePlain2.class, WidePlain3.class,
            WidePlain4.class, WidePlain5.class);

    private WidePlainModel() {
    }

    @Entity(name = "WidePlain1")
    @Table(name = "bench_wideplain1")
    public static class WidePlain1 {
        @Id
        Long id;
        @Column(length = 32) String a01;
        @Column(length = 64) String a02;
        Long a03;
        Integer a04;
        LocalDate a05;
        LocalDateTime a06;
        @Column(precision = 12, scale = 2) BigDecimal a07;
        Boolean a08;
        UUID a09;
        Double a10;
    }

    @Entity(name = "WidePlain2")
    @Table(name = "bench_wideplain2")
    public static class WidePlain2 {
        @Id
        Long id;
        @Column(length = 32) String a11;
        @Column(length = 64) String a12;
        Long a13;
        Integer a14;
        LocalDate a15;
        LocalDateTime a16;
        @Column(precision = 12, scale = 2) BigDecimal a17;
        Boolean a18;
        UUID a19;
        Double a20;
    }

    @Entity(name = "WidePlain3")
    @Table(name = "bench_wideplain3")
    public static class WidePlain3 {
        @Id
        Long id;
        @Column(length = 32) String a21;
        @Column(length = 64) String a22;
        Long a23;
        Integer a24;
        LocalDate a25;
        LocalDateTime a26;
        @Column(precision = 12, scale = 2) BigDecimal a27;
        Boolean a28;
        UUID a29;
        Double a30;
    }

    @Entity(name = "WidePlain4")
    @Table(name = "bench_wideplain4")
    public static class WidePlain4 {
        @Id
        Long id;
        @Column(length = 32) String a31;
        @Column(length = 64) String a32;
        Long a33;
        Integer a34;
        LocalDate a35;
        LocalDateTime a36;
        @Column(precision = 12, scale = 2) BigDecimal a37;
        Boolean a38;
        UUID a39;
        Double a40;
    }

    @Entity(name = "WidePlain5")
    @Table(name = "bench_wideplain5")
    public static class WidePlain5 {
        @Id
        Long id;
        @Column(length = 32) String a41;
        @Column(length = 64) String a42;
        Long a43;
        Integer a44;
        LocalDate a45;
        LocalDateTime a46;
        @Column(precision = 12, scale = 2) BigDecimal a47;
        Boolean a48;
        UUID a49;
        Double a50;
    }
}
