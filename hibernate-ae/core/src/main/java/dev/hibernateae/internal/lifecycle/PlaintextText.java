package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.UnsupportedPlaintextException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.UUID;

/**
 * The plaintext form of a value in a binary column while that column is encrypted in place or decrypted back: the
 * value's text, in UTF-8. It is what a database produces when a text, number or date column is converted to a
 * binary one ({@code convert_to(col::text, 'UTF8')} on PostgreSQL, {@code MODIFY col VARBINARY(n)} on MariaDB), and
 * what converting back to the original type reads.
 *
 * <p>Parsing is lenient where databases differ (booleans as {@code true}/{@code t}/{@code 1}, timestamps with a
 * space or a {@code T}); formatting is canonical. Equality queries match plaintext rows only when the database's
 * text equals the canonical text, which {@link #exactForEquality()} says is true for the type whatever database
 * made it.
 */
public final class PlaintextText {
    private static final DateTimeFormatter LOCAL_TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd().append(LOCAL_TIME).toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(LOCAL_DATE_TIME).optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH:mm", "Z").toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_DATE_TIME_SHORT = new DateTimeFormatterBuilder()
            .append(LOCAL_DATE_TIME).optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH", "Z").toFormatter(Locale.ROOT);

    private static final DateTimeFormatter LOCAL_DATE_TIME_CANONICAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(LOCAL_TIME).toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_DATE_TIME_CANONICAL = new DateTimeFormatterBuilder()
            .append(LOCAL_DATE_TIME_CANONICAL).appendOffset("+HH:MM", "+00:00").toFormatter(Locale.ROOT);

    private final Class<?> javaType;
    private final boolean enumsByOrdinal;

    private PlaintextText(Class<?> javaType, boolean enumsByOrdinal) {
        this.javaType = javaType;
        this.enumsByOrdinal = enumsByOrdinal;
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
        if (!supported(javaType)) {
            throw new AlwaysEncryptedException("Values of type " + javaType.getName() + " have no plaintext text "
                    + "form for in-place encryption");
        }
        return new PlaintextText(javaType, enumsByOrdinal);
    }

    private static boolean supported(Class<?> type) {
        return type == String.class || type == Boolean.class || type == Byte.class || type == Short.class
                || type == Integer.class || type == Long.class || type == Float.class || type == Double.class
                || type == BigDecimal.class || type == LocalDate.class || type == LocalTime.class
                || type == LocalDateTime.class || type == OffsetDateTime.class || type == Instant.class
                || type == UUID.class || type.isEnum();
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
        return javaType == String.class || javaType == Byte.class || javaType == Short.class
                || javaType == Integer.class || javaType == Long.class || javaType == BigDecimal.class
                || javaType == LocalDate.class || javaType == UUID.class || javaType.isEnum();
    }

    /**
     * The canonical UTF-8 text of {@code value}. Callers pass values as the attribute's codec normalizes them
     * (decimals at the column's scale, times at its precision), so equal values have equal text.
     */
    public byte[] format(Object value) {
        return text(value).getBytes(StandardCharsets.UTF_8);
    }

    private String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof LocalTime t) {
            return LOCAL_TIME.format(t);
        }
        if (value instanceof LocalDateTime t) {
            return LOCAL_DATE_TIME_CANONICAL.format(t);
        }
        if (value instanceof OffsetDateTime t) {
            return OFFSET_DATE_TIME_CANONICAL.format(t);
        }
        if (value instanceof Instant t) {
            return OFFSET_DATE_TIME_CANONICAL.format(t.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof Enum<?> e) {
            return enumsByOrdinal ? Integer.toString(e.ordinal()) : e.name();
        }
        return value.toString();
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
            return parse(text);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new UnsupportedPlaintextException("Plaintext is not a " + javaType.getSimpleName()
                    + " in text form (" + e.getClass().getSimpleName() + ")");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object parse(String text) {
        if (javaType == String.class) {
            return text;
        }
        String t = text.strip();
        if (javaType == Boolean.class) {
            return switch (t.toLowerCase(Locale.ROOT)) {
                case "true", "t", "1", "yes", "y" -> Boolean.TRUE;
                case "false", "f", "0", "no", "n" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not a boolean");
            };
        }
        if (javaType == Byte.class) {
            return Byte.valueOf(t);
        }
        if (javaType == Short.class) {
            return Short.valueOf(t);
        }
        if (javaType == Integer.class) {
            return Integer.valueOf(t);
        }
        if (javaType == Long.class) {
            return Long.valueOf(t);
        }
        if (javaType == Float.class) {
            return Float.valueOf(t);
        }
        if (javaType == Double.class) {
            return Double.valueOf(t);
        }
        if (javaType == BigDecimal.class) {
            return new BigDecimal(t);
        }
        if (javaType == LocalDate.class) {
            return LocalDate.parse(t);
        }
        if (javaType == LocalTime.class) {
            return LocalTime.parse(t, LOCAL_TIME);
        }
        if (javaType == LocalDateTime.class) {
            return LocalDateTime.parse(t, LOCAL_DATE_TIME);
        }
        if (javaType == OffsetDateTime.class || javaType == Instant.class) {
            OffsetDateTime parsed = offsetDateTime(t);
            return javaType == Instant.class ? parsed.toInstant() : parsed;
        }
        if (javaType == UUID.class) {
            return UUID.fromString(t);
        }
        Class<? extends Enum> enumType = (Class<? extends Enum>) javaType;
        if (enumsByOrdinal) {
            Object[] constants = enumType.getEnumConstants();
            int ordinal = Integer.parseInt(t);
            if (ordinal < 0 || ordinal >= constants.length) {
                throw new IllegalArgumentException("no such ordinal");
            }
            return constants[ordinal];
        }
        return Enum.valueOf(enumType, t);
    }

    private static OffsetDateTime offsetDateTime(String text) {
        try {
            return OffsetDateTime.parse(text, OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text, OFFSET_DATE_TIME_SHORT);
        }
    }

    @Override
    public String toString() {
        return "PlaintextText[" + javaType.getSimpleName() + "]";
    }
}
