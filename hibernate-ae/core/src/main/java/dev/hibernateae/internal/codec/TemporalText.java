package dev.hibernateae.internal.codec;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The text forms of times and timestamps: read with a space or a {@code T} between date and time, seconds and
 * fractions optional, offsets as {@code +HH:mm}, {@code +HH} or {@code Z}; written as {@code 2024-01-02 10:00:00.5}
 * and {@code 2024-01-02 10:00+01:00}.
 */
final class TemporalText {
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

    private TemporalText() {
    }

    static TextForm times() {
        return new TextForm(t -> LocalTime.parse(t.strip(), LOCAL_TIME), v -> LOCAL_TIME.format((LocalTime) v),
                false);
    }

    static TextForm dateTimes() {
        return new TextForm(t -> LocalDateTime.parse(t.strip(), LOCAL_DATE_TIME),
                v -> LOCAL_DATE_TIME_CANONICAL.format((LocalDateTime) v), false);
    }

    static TextForm offsetDateTimes() {
        return new TextForm(t -> offsetDateTime(t.strip()),
                v -> OFFSET_DATE_TIME_CANONICAL.format((OffsetDateTime) v), false);
    }

    static TextForm instants() {
        return new TextForm(t -> offsetDateTime(t.strip()).toInstant(),
                v -> OFFSET_DATE_TIME_CANONICAL.format(((Instant) v).atOffset(ZoneOffset.UTC)), false);
    }

    private static OffsetDateTime offsetDateTime(String text) {
        try {
            return OffsetDateTime.parse(text, OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text, OFFSET_DATE_TIME_SHORT);
        }
    }
}
