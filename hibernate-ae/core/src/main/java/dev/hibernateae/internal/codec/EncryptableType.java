package dev.hibernateae.internal.codec;

/**
 * One Java type that can be encrypted: how its values become plaintext bytes (the codec), how they are written as
 * text when a column is encrypted in place (none for {@code byte[]}), and its name on the command line.
 *
 * @param javaType the type ({@code Enum.class} stands for every enum)
 * @param name the type's name in error messages and documentation
 * @param cliName the name {@code hibernate-ae-cli --java-type} knows it by, or {@code null} when the command line
 *        cannot name it (enums: the class is the application's; {@code byte[]}: no text form)
 * @param codec the codec for an attribute of the type with the attribute's options
 * @param textForm the text form for an attribute of the type, or {@code null} when values have none
 */
public record EncryptableType(Class<?> javaType, String name, String cliName, Factory<PlaintextCodec<?>> codec,
        Factory<TextForm> textForm) {

    /** Makes a codec or text form for an attribute's (boxed) Java type and options. */
    @FunctionalInterface
    public interface Factory<R> {
        R create(Class<?> javaType, CodecOptions options);
    }

    /** Whether {@code type} (boxed) is this type: the same class, or any enum for the enum entry. */
    public boolean matches(Class<?> type) {
        return javaType == Enum.class ? type.isEnum() : javaType == type;
    }

    public boolean hasTextForm() {
        return textForm != null;
    }
}
