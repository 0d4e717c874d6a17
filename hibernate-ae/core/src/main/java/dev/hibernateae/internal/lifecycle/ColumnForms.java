package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.UnsupportedPlaintextException;
import dev.hibernateae.internal.codec.CodecOptions;
import dev.hibernateae.internal.codec.PlaintextCodecs;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import java.util.Arrays;

/**
 * The two forms an attribute's value takes in a column that is being encrypted in place or decrypted back: the
 * cell, and the plaintext text ({@link PlaintextText}). Values are normalized by the attribute's codec first, so
 * the text of a decimal has the column's scale, as the database writes it.
 */
public final class ColumnForms {
    private ColumnForms() {
    }

    public static boolean looksLikeCell(byte[] value) {
        return CellShape.looksLikeCell(value);
    }

    /** The plaintext text an application writes while the attribute's column is decrypted back. */
    public static <T> byte[] formatPlaintext(EncryptedAttributeConverter<T> attribute, T value) {
        byte[] bytes;
        try {
            bytes = attribute.codec().encode(value);
        } catch (UnsupportedPlaintextException e) {
            throw new UnsupportedPlaintextException("Cannot write " + attribute.role() + ": " + e.getMessage(), e);
        }
        try {
            return text(attribute).format(attribute.codec().decode(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The value of plaintext text read from the attribute's column, checked against the attribute's codec. */
    public static <T> T parsePlaintext(EncryptedAttributeConverter<T> attribute, byte[] text) {
        try {
            T value = attribute.javaType().cast(text(attribute).parse(text));
            Arrays.fill(attribute.codec().encode(value), (byte) 0);
            return value;
        } catch (UnsupportedPlaintextException e) {
            throw new UnsupportedPlaintextException("Cannot read " + attribute.role() + " (column "
                    + attribute.tableName() + "." + attribute.columnName() + " is being encrypted in place, and this "
                    + "value is neither a cell nor plaintext of the attribute's type): " + e.getMessage(), e);
        }
    }

    public static PlaintextText text(EncryptedAttributeConverter<?> attribute) {
        return PlaintextText.forType(attribute.javaType(), enumsByOrdinal(attribute));
    }

    /**
     * Whether an enum attribute is stored by ordinal: its codec then encodes a constant exactly as the integer
     * codec encodes the ordinal (8 bytes), which no name encoding can equal.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean enumsByOrdinal(EncryptedAttributeConverter<?> attribute) {
        Class<?> type = attribute.javaType();
        if (!type.isEnum() || type.getEnumConstants().length == 0) {
            return false;
        }
        Enum<?> first = (Enum<?>) type.getEnumConstants()[0];
        byte[] asStored = ((EncryptedAttributeConverter) attribute).codec().encode(first);
        byte[] asOrdinal = PlaintextCodecs.forType(Integer.class, CodecOptions.DEFAULTS).encode(first.ordinal());
        return Arrays.equals(asStored, asOrdinal);
    }
}
