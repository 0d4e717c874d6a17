package dev.hibernateae.lifecycle;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.StringEncoding;
import java.util.Objects;

/**
 * A column to encrypt in place (or decrypt back), described as its {@code @Encrypted} attribute maps it: the
 * values must become exactly the cells the attribute's converter writes, so these must match the mapping.
 *
 * @param column the column
 * @param type the attribute's {@code @Encrypted(type = ...)}
 * @param javaType the attribute's Java type ({@code String.class}, {@code Long.class}, {@code LocalDate.class}...)
 * @param stringEncoding the attribute's {@code @Encrypted(stringEncoding = ...)}
 * @param length {@code @Column(length)} of a string attribute; -1 for none
 * @param precision {@code @Column(precision)} of a decimal attribute
 * @param scale {@code @Column(scale)} of a decimal attribute
 * @param fractionalSeconds the fractional-second digits of a time or timestamp attribute (0..7)
 * @param enumsByOrdinal whether an enum attribute is {@code @Enumerated(ORDINAL)}
 */
public record PlaintextColumn(ColumnRef column, EncryptionType type, Class<?> javaType,
        StringEncoding stringEncoding, int length, int precision, int scale, int fractionalSeconds,
        boolean enumsByOrdinal) {

    public PlaintextColumn {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(stringEncoding, "stringEncoding");
    }

    /** With hibernate-ae's defaults: UTF-16LE strings of up to 255 characters, decimal(38,2), 7 second digits. */
    public static PlaintextColumn of(ColumnRef column, EncryptionType type, Class<?> javaType) {
        return new PlaintextColumn(column, type, javaType, StringEncoding.UTF_16LE, 255, 38, 2, 7, false);
    }

    public PlaintextColumn withStringEncoding(StringEncoding value) {
        return new PlaintextColumn(column, type, javaType, value, length, precision, scale, fractionalSeconds,
                enumsByOrdinal);
    }

    public PlaintextColumn withLength(int value) {
        return new PlaintextColumn(column, type, javaType, stringEncoding, value, precision, scale,
                fractionalSeconds, enumsByOrdinal);
    }

    public PlaintextColumn withDecimal(int newPrecision, int newScale) {
        return new PlaintextColumn(column, type, javaType, stringEncoding, length, newPrecision, newScale,
                fractionalSeconds, enumsByOrdinal);
    }

    public PlaintextColumn withFractionalSeconds(int value) {
        return new PlaintextColumn(column, type, javaType, stringEncoding, length, precision, scale, value,
                enumsByOrdinal);
    }

    public PlaintextColumn withEnumsByOrdinal(boolean value) {
        return new PlaintextColumn(column, type, javaType, stringEncoding, length, precision, scale,
                fractionalSeconds, value);
    }
}
