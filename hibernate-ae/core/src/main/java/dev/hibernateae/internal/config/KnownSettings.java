package dev.hibernateae.internal.config;

import dev.hibernateae.api.EncryptionSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings applications may give: every {@code public static final String} constant of
 * {@link EncryptionSettings} but {@link EncryptionSettings#PREFIX}. Any other {@code hibernate.ae.*} name outside
 * {@link InternalSettings#PREFIX} is a mistake, refused with the closest of these.
 */
public final class KnownSettings {
    private static final Set<String> NAMES = read();

    private KnownSettings() {
    }

    /** Every setting name, sorted. */
    public static Set<String> names() {
        return NAMES;
    }

    /** The known setting {@code unknown} most probably meant: the one fewest single-character edits away. */
    public static String closest(String unknown) {
        return NAMES.stream().min(Comparator.comparingInt((String name) -> distance(unknown, name))
                .thenComparing(Comparator.naturalOrder())).orElseThrow();
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Set<String> read() {
        Set<String> names = new TreeSet<>();
        for (Field field : EncryptionSettings.class.getFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class
                    && !field.getName().equals("PREFIX")) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
