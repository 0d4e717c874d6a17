package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.UnsupportedPlaintextException;
import dev.hibernateae.internal.codec.CodecOptions;
import dev.hibernateae.internal.codec.EncryptableType;
import dev.hibernateae.internal.codec.EncryptableTypes;
import dev.hibernateae.internal.codec.TextForm;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;

/**
 * The plaintext form of a value in a binary column while that column is encrypted in place or decrypted back: the
 * value's text ({@link EncryptableType#textForm()}), in UTF-8. It is what a database produces when a text, number or
 * date column is converted to a binary one ({@code convert_to(col::text, 'UTF8')} on PostgreSQL,
 * {@code MODIFY col VARBINARY(n)} on MariaDB), and what converting back to the original type reads.
 *
 * <p>Parsing is lenient where databases differ (booleans as {@code true}/{@code t}/{@code 1}, timestamps with a
 * space or a {@code T}); formatting is canonical. Equality queries match plaintext rows only when the database's
 * text equals the canonical text, which {@link #exactForEquality()} says is true for the type whatever database
 * made it.
 */
public final class PlaintextText {
    private final Class<?> javaType;
    private final TextForm form;

    private PlaintextText(Class<?> javaType, TextForm form) {
        this.javaType = javaType;
        this.form = form;
    }

    /**
     * @throws AlwaysEncryptedException for types without a text form ({@code byte[]}: binary plaintext cannot be
     *         told apart from a damaged cell, so such columns are encrypted into a new column instead)
     */
    public static PlaintextText forType(Class<?> javaType, boolean enumsByOrdinal) {
        if (javaType == byte[].class) {
            throw new AlwaysEncryptedException("Binary (byte[]) values cannot be encrypted or decrypted in place: "
                    + "binary plaintext cannot be told apart from a damaged cell. Copy them into a new encrypted "
                    + "column instead");
        }
        EncryptableType entry = EncryptableTypes.of(javaType).filter(EncryptableType::hasTextForm)
                .orElseThrow(() -> new AlwaysEncryptedException("Values of type " + javaType.getName()
                        + " have no plaintext text form for in-place encryption"));
        CodecOptions options = CodecOptions.DEFAULTS.withEnumMapping(
                enumsByOrdinal ? CodecOptions.EnumMapping.ORDINAL : CodecOptions.EnumMapping.NAME);
        Class<?> type = EncryptableTypes.boxed(javaType);
        return new PlaintextText(type, entry.textForm().create(type, options));
    }

    public Class<?> javaType() {
        return javaType;
    }

    /**
     * Whether every database writes this type's text exactly as {@link #format} does, so that an equality query
     * can look for plaintext rows by their text (strings, integers, decimals at the column's scale, dates, UUIDs,
     * enums). Times, timestamps, booleans and floating-point numbers have database-specific text forms.
     */
    public boolean exactForEquality() {
        return form.exactForEquality();
    }

    /**
     * The canonical UTF-8 text of {@code value}. Callers pass values as the attribute's codec normalizes them
     * (decimals at the column's scale, times at its precision), so equal values have equal text.
     */
    public byte[] format(Object value) {
        return form.format().apply(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The value whose text is {@code bytes}.
     *
     * @throws UnsupportedPlaintextException if the bytes are not UTF-8 or not a value of the type; the message
     *         names the type, never the text
     */
    public Object parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnsupportedPlaintextException("Plaintext of " + bytes.length + " bytes is not UTF-8 text; "
                    + "convert the column with a UTF-8 conversion (see docs/lifecycle.md)");
        }
        try {
            return form.parse().apply(text);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new UnsupportedPlaintextException("Plaintext is not a " + javaType.getSimpleName()
                    + " in text form (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "PlaintextText[" + javaType.getSimpleName() + "]";
    }
}
