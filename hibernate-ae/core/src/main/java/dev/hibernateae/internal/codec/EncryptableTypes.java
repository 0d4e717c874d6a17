package dev.hibernateae.internal.codec;

import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The Java types hibernate-ae can encrypt, in the order the documentation lists them: the one list from which the
 * codecs, the text forms of in-place encryption, the command line's {@code --java-type} names and the error
 * messages naming the supported types all derive. Primitive types are their boxed types.
 */
public final class EncryptableTypes {
    private static final List<EncryptableType> ALL = List.of(
            new EncryptableType(String.class, "String", "string",
                    (type, options) -> new StringCodec(options.stringEncoding(), options.length()),
                    (type, options) -> new TextForm(text -> text, String.class::cast, true)),
            new EncryptableType(Boolean.class, "Boolean", "boolean", (type, options) -> IntegralCodec.booleans(),
                    (type, options) -> TextForm.stripped(EncryptableTypes::parseBoolean, false)),
            new EncryptableType(Byte.class, "Byte", "byte", (type, options) -> IntegralCodec.bytes(),
                    (type, options) -> TextForm.stripped(Byte::valueOf, true)),
            new EncryptableType(Short.class, "Short", "short", (type, options) -> IntegralCodec.shorts(),
                    (type, options) -> TextForm.stripped(Short::valueOf, true)),
            new EncryptableType(Integer.class, "Integer", "int", (type, options) -> IntegralCodec.integers(),
                    (type, options) -> TextForm.stripped(Integer::valueOf, true)),
            new EncryptableType(Long.class, "Long", "long", (type, options) -> IntegralCodec.longs(),
                    (type, options) -> TextForm.stripped(Long::valueOf, true)),
            new EncryptableType(Float.class, "Float", "float", (type, options) -> FloatingPointCodec.floats(),
                    (type, options) -> TextForm.stripped(Float::valueOf, false)),
            new EncryptableType(Double.class, "Double", "double", (type, options) -> FloatingPointCodec.doubles(),
                    (type, options) -> TextForm.stripped(Double::valueOf, false)),
            new EncryptableType(BigDecimal.class, "BigDecimal", "decimal",
                    (type, options) -> new DecimalCodec(options.precision(), options.scale()),
                    (type, options) -> new TextForm(text -> new BigDecimal(text.strip()),
                            value -> ((BigDecimal) value).toPlainString(), true)),
            new EncryptableType(LocalDate.class, "LocalDate", "date", (type, options) -> TemporalCodecs.dates(),
                    (type, options) -> TextForm.stripped(LocalDate::parse, true)),
            new EncryptableType(LocalTime.class, "LocalTime", "time",
                    (type, options) -> TemporalCodecs.times(options.fractionalSeconds()),
                    (type, options) -> TemporalText.times()),
            new EncryptableType(LocalDateTime.class, "LocalDateTime", "timestamp",
                    (type, options) -> TemporalCodecs.dateTimes(options.fractionalSeconds()),
                    (type, options) -> TemporalText.dateTimes()),
            new EncryptableType(OffsetDateTime.class, "OffsetDateTime", "timestamptz",
                    (type, options) -> TemporalCodecs.offsetDateTimes(options.fractionalSeconds()),
                    (type, options) -> TemporalText.offsetDateTimes()),
            new EncryptableType(Instant.class, "Instant", "instant",
                    (type, options) -> TemporalCodecs.instants(options.fractionalSeconds()),
                    (type, options) -> TemporalText.instants()),
            new EncryptableType(UUID.class, "UUID", "uuid", (type, options) -> new UuidCodec(),
                    (type, options) -> TextForm.stripped(UUID::fromString, true)),
            new EncryptableType(byte[].class, "byte[]", null, (type, options) -> new BinaryCodec(options.length()),
                    null),
            new EncryptableType(Enum.class, "enums", null,
                    EnumCodec::of,
                    EnumText::of));

    private EncryptableTypes() {
    }

    /** Every encryptable type, in documentation order. */
    public static List<EncryptableType> all() {
        return ALL;
    }

    /** The entry for {@code javaType} (a primitive type finds its boxed type's), if it can be encrypted. */
    public static Optional<EncryptableType> of(Class<?> javaType) {
        Class<?> type = boxed(javaType);
        return ALL.stream().filter(entry -> entry.matches(type)).findFirst();
    }

    /** The entry {@code hibernate-ae-cli --java-type} names {@code cliName} (case and blanks ignored). */
    public static Optional<EncryptableType> named(String cliName) {
        String name = cliName.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(entry -> name.equals(entry.cliName())).findFirst();
    }

    /** "String, Boolean, ... byte[] and enums (and their primitive forms)", for error messages. */
    public static String supportedList() {
        List<String> names = ALL.stream().map(EncryptableType::name).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1)
                + " (and their primitive forms)";
    }

    /** {@code int.class} as {@code Integer.class}; other types as they are. */
    public static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes", "y" -> Boolean.TRUE;
            case "false", "f", "0", "no", "n" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }
}
