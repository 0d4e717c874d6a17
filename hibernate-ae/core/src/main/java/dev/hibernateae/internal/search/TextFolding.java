package dev.hibernateae.internal.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one comparison case-insensitive search tokens implement: two strings match when their folded forms are equal.
 * Folding upper-cases then lower-cases with {@link Locale#ROOT} (so {@code "ß"}, {@code "SS"} and {@code "ss"} match),
 * after removing combining marks from the canonical decomposition when accents are ignored.
 */
public final class TextFolding {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextFolding() {
    }

    public static String fold(String value, boolean ignoreAccents) {
        String text = ignoreAccents ? MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD)).replaceAll("")
                : value;
        return text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
