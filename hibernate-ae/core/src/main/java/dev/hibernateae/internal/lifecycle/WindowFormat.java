package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.UnsupportedEncryptedQueryException;
import dev.hibernateae.api.UnsupportedPlaintextException;
import dev.hibernateae.internal.codec.CodecOptions;
import dev.hibernateae.internal.hibernate.CellFormat;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.EncryptedAttributeConverter;
import dev.hibernateae.internal.hibernate.ValueFormat;

/**
 * The format of a column in a plaintext window that the application's configuration opened and an authenticated
 * transition record timed: values are cells or the value's UTF-8 text ({@link PlaintextText}). A value shaped like a
 * cell must authenticate; anything else is parsed as text of the attribute's type. What is written, and which forms
 * equality matches, follow the transition's phase.
 */
final class WindowFormat implements ValueFormat {
    private final EncryptedAttribute<?> attribute;
    private final CellFormat cells;
    private final PlaintextText text;
    private final ColumnTransition transition;
    private final boolean writesText;
    private final boolean matchesCells;

    /**
     * @param writesText whether new values are written as text (decryption back, from phase RUNNING)
     * @param matchesCells whether equality still looks for cells (not once a decryption back completed)
     */
    WindowFormat(EncryptedAttribute<?> attribute, CellFormat cells, ColumnTransition transition, boolean writesText,
            boolean matchesCells) {
        this.attribute = attribute;
        this.cells = cells;
        this.transition = transition;
        this.text = PlaintextText.forType(attribute.javaType(), enumsByOrdinal(attribute));
        this.writesText = writesText;
        this.matchesCells = matchesCells;
    }

    @Override
    public byte[] store(byte[] plaintext) {
        return writesText ? text(plaintext) : cells.store(plaintext);
    }

    @Override
    public byte[] load(byte[] stored) {
        if (CellShape.looksLikeCell(stored)) {
            return cells.load(stored);
        }
        return plaintextOf(stored);
    }

    /** Written form first: text then cells while text is written, cells then text while cells are. */
    @Override
    public byte[] equalityForm(byte[] plaintext, int index) {
        requireExactText();
        if (writesText) {
            return index == 0 ? text(plaintext) : cells.equalityForm(plaintext, index - 1);
        }
        return index < cells.equalityFormCount() ? cells.equalityForm(plaintext, index) : text(plaintext);
    }

    @Override
    public int equalityFormCount() {
        requireExactText();
        return 1 + (matchesCells ? cells.equalityFormCount() : 0);
    }

    @Override
    public String cellWriteKey() {
        return writesText ? null : cells.writeKey();
    }

    @Override
    public boolean singleForm() {
        return !matchesCells;
    }

    @Override
    public byte[] cell(byte[] plaintext) {
        return cells.cell(plaintext);
    }

    /** The canonical text of a value given as normalized bytes (decimals at the column's scale, ...). */
    private byte[] text(byte[] plaintext) {
        return text.format(EncryptedAttributeConverter.decode(attribute, plaintext.clone()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] plaintextOf(byte[] stored) {
        try {
            Object value = text.parse(stored);
            return ((EncryptedAttribute) attribute).codec().encode(value);
        } catch (UnsupportedPlaintextException e) {
            throw new UnsupportedPlaintextException("Cannot read " + attribute.role() + " (column "
                    + transition.table() + "." + transition.column() + " is in a plaintext window, and this value is "
                    + "neither a cell nor plaintext of the attribute's type): " + e.getMessage(), e);
        }
    }

    /**
     * Text the database wrote (encryption in place) is exact only for some types; text this application or the job
     * wrote (decryption back) is always the canonical text.
     */
    private void requireExactText() {
        if (transition.direction() == ColumnTransition.Direction.ENCRYPT && !text.exactForEquality()) {
            throw new UnsupportedEncryptedQueryException(attribute.simpleRole(), "=", "Equality on " + attribute.role()
                    + " cannot be answered while column " + transition.table() + "." + transition.column() + " holds "
                    + "plaintext and cells (" + transition.describe() + "): the plaintext rows hold the database's "
                    + "own text for " + attribute.javaType().getSimpleName() + " values, which a query cannot "
                    + "reproduce exactly. Run the query once the job completes (hibernate-ae-cli status)");
        }
    }

    /**
     * Whether an enum attribute is stored by ordinal: its codec then encodes a constant exactly as the integer
     * codec encodes the ordinal (8 bytes), which no name encoding can equal.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean enumsByOrdinal(EncryptedAttribute<?> attribute) {
        Class<?> type = attribute.javaType();
        if (!type.isEnum() || type.getEnumConstants().length == 0) {
            return false;
        }
        return attribute.codecOptions().enumMapping() == CodecOptions.EnumMapping.ORDINAL;
    }

    @Override
    public String toString() {
        return "WindowFormat[" + attribute.role() + ", " + transition.describe() + ", writes "
                + (writesText ? "text" : "cells") + ", " + cells + "]";
    }
}
