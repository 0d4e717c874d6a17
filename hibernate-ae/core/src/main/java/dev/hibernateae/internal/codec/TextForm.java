package dev.hibernateae.internal.codec;

import java.util.function.Function;

/**
 * How values of one type are written as text, and read back, when a database converts a plaintext column to a
 * binary one and back (in-place encryption). Formatting is canonical; parsing is lenient where databases differ.
 *
 * @param parse the value of a text; throws {@link IllegalArgumentException} or
 *        {@link java.time.format.DateTimeParseException} for text that is no such value
 * @param format the canonical text of a value, as the type's codec normalizes it
 * @param exactForEquality whether every database writes the type's text exactly as {@code format} does, so that an
 *        equality query can look for plaintext rows by their text
 */
public record TextForm(Function<String, Object> parse, Function<Object, String> format, boolean exactForEquality) {

    /** A type whose text is {@link Object#toString()} and whose surrounding blanks are ignored. */
    static TextForm stripped(Function<String, Object> parse, boolean exactForEquality) {
        return new TextForm(text -> parse.apply(text.strip()), Object::toString, exactForEquality);
    }
}
