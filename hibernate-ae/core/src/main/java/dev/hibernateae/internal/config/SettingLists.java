package dev.hibernateae.internal.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a setting that lists names: a comma-separated string, or a collection of them. */
public final class SettingLists {
    private SettingLists() {
    }

    /** The non-blank items of {@code setting}, trimmed, in order, without repeats; empty when it is not set. */
    public static Set<String> items(Map<String, ?> settings, String setting) {
        Object value = settings.get(setting);
        Set<String> items = new LinkedHashSet<>();
        if (value == null) {
            return items;
        }
        Iterable<?> parts = value instanceof Iterable<?> iterable ? iterable : List.of(value);
        for (Object part : parts) {
            for (String item : String.valueOf(part).split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    /** Whether a boolean setting is {@code true} ({@code Boolean.TRUE} or the text "true", any case). */
    public static boolean isTrue(Map<String, ?> settings, String setting) {
        Object value = settings.get(setting);
        return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString().trim());
    }
}
