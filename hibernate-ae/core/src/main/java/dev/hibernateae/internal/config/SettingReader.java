package dev.hibernateae.internal.config;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed values from a settings map and collects every bad value, so that one error reports them all. A problem
 * names the setting, the value (never that of a setting whose name contains "password") and what is allowed. A value
 * that is blank text counts as not set, as placeholders that resolve to nothing produce one.
 */
final class SettingReader {
    private final Map<String, ?> settings;
    private final List<String> problems = new ArrayList<>();

    SettingReader(Map<String, ?> settings) {
        this.settings = settings;
    }

    /** The value, or null when absent or blank text. */
    Object raw(String name) {
        Object value = settings.get(name);
        return value instanceof CharSequence text && text.toString().isBlank() ? null : value;
    }

    String text(String name) {
        Object value = raw(name);
        return value == null ? null : value.toString().trim();
    }

    Path path(String name) {
        Object value = raw(name);
        if (value == null || value instanceof Path) {
            return (Path) value;
        }
        if (value instanceof File file) {
            return file.toPath();
        }
        try {
            return Path.of(value.toString().trim());
        } catch (InvalidPathException e) {
            return invalid(name, value, "a file path (" + e.getReason() + ")", null);
        }
    }

    boolean bool(String name, boolean otherwise) {
        Object value = raw(name);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return text.equals("true");
        }
        return invalid(name, value, "true or false (default " + otherwise + ")", otherwise);
    }

    /** One of {@code allowed} (any case), lower-cased; {@code otherwise} when not set. */
    String choice(String name, String otherwise, String... allowed) {
        Object value = raw(name);
        if (value == null) {
            return otherwise;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        for (String option : allowed) {
            if (option.equals(text)) {
                return option;
            }
        }
        return invalid(name, value, "one of " + String.join(", ", allowed) + " (default " + otherwise + ")",
                otherwise);
    }

    Duration duration(String name, Duration otherwise) {
        Object value = raw(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Durations.of(value);
        } catch (IllegalArgumentException e) {
            return invalid(name, value, e.getMessage(), otherwise);
        }
    }

    /** The non-blank items of a comma-separated text or a collection of them, trimmed, in order, without repeats. */
    Set<String> names(String name) {
        Set<String> items = new LinkedHashSet<>();
        for (Object entry : entries(name)) {
            if (entry instanceof String item) {
                items.add(item);
            } else {
                invalid(name, entry, "names, comma-separated or as a collection of text", null);
            }
        }
        return Collections.unmodifiableSet(items);
    }

    /**
     * The entries of a setting that lists classes or live objects: the items of each text (comma-separated, trimmed),
     * and every other object as it is; from one value, a collection or an array.
     */
    List<Object> entries(String name) {
        Object value = raw(name);
        List<Object> entries = new ArrayList<>();
        if (value == null) {
            return entries;
        }
        Iterable<?> items = value instanceof Iterable<?> iterable ? iterable
                : value instanceof Object[] array ? List.of(array) : List.of(value);
        for (Object item : items) {
            if (item instanceof CharSequence text) {
                for (String part : text.toString().split(",")) {
                    if (!part.isBlank()) {
                        entries.add(part.trim());
                    }
                }
            } else if (item != null) {
                entries.add(item);
            }
        }
        return Collections.unmodifiableList(entries);
    }

    /** Records a problem and returns {@code otherwise}, so reading goes on to find the others. */
    <T> T invalid(String name, Object value, String allowed, T otherwise) {
        String shown = name.toLowerCase(Locale.ROOT).contains("password") ? "(value not shown)"
                : value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                ? "'" + value + "'" : "a " + value.getClass().getName();
        problems.add("Setting " + name + " is " + shown + ": " + allowed);
        return otherwise;
    }

    void problem(String message) {
        problems.add(message);
    }

    /**
     * @throws AlwaysEncryptedException listing every problem found, one per line
     */
    void throwIfAny() {
        if (problems.size() == 1) {
            throw new AlwaysEncryptedException(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new AlwaysEncryptedException(problems.size() + " hibernate-ae settings are wrong:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
