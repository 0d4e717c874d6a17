package dev.hibernateae.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of every hibernate-ae duration (settings, Spring properties, command-line options):
 * ISO-8601 ({@code PT2H}), a whole number of seconds ({@code 7200}), or a whole number with one of the units Spring
 * users know: {@code ns}, {@code us}, {@code ms}, {@code s}, {@code m}, {@code h}, {@code d} ({@code 500ms},
 * {@code 10s}, {@code 5m}, {@code 2h}, {@code 1d}). Negative durations are refused.
 */
public final class Durations {
    /** What is allowed, for messages. */
    public static final String SYNTAX = "a duration: ISO-8601 (PT2H), whole seconds (7200), or a whole number with a "
            + "unit ns, us, ms, s, m, h or d (500ms, 10s, 5m, 2h, 1d); not negative";

    private static final Pattern WITH_UNIT = Pattern.compile("(-?\\d+)\\s*(ns|us|ms|s|m|h|d)?");
    private static final Map<String, ChronoUnit> UNITS = Map.of("ns", ChronoUnit.NANOS, "us", ChronoUnit.MICROS,
            "ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS,
            "d", ChronoUnit.DAYS);

    private Durations() {
    }

    /**
     * Parses {@code text} (surrounding blanks ignored, units in any case).
     *
     * @throws IllegalArgumentException saying {@link #SYNTAX}, or that the duration is negative; the message does not
     *         repeat the text, so callers decide whether it may be shown
     */
    public static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        Matcher matcher = WITH_UNIT.matcher(value);
        try {
            if (matcher.matches()) {
                String unit = matcher.group(2);
                duration = Duration.of(Long.parseLong(matcher.group(1)), unit == null ? ChronoUnit.SECONDS
                        : UNITS.get(unit));
            } else {
                duration = Duration.parse(value);
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("give " + SYNTAX);
        }
        return requireNotNegative(duration);
    }

    /**
     * Reads a duration given in code: a {@link Duration}, a whole number of seconds, or text for {@link #parse}.
     *
     * @throws IllegalArgumentException as {@link #parse} does
     */
    public static Duration of(Object value) {
        if (value instanceof Duration duration) {
            return requireNotNegative(duration);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return requireNotNegative(Duration.ofSeconds(((Number) value).longValue()));
        }
        if (value instanceof CharSequence text) {
            return parse(text.toString());
        }
        throw new IllegalArgumentException("give " + SYNTAX + "; a " + value.getClass().getName() + " is none");
    }

    private static Duration requireNotNegative(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration cannot be negative; give " + SYNTAX);
        }
        return duration;
    }
}
