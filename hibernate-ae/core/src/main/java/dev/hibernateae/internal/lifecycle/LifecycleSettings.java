package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads {@link EncryptionSettings#LIFECYCLE_POLL_INTERVAL}. */
public final class LifecycleSettings {
    /** How often applications look for lifecycle changes unless told otherwise. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

    private LifecycleSettings() {
    }

    public static Duration pollInterval(Map<String, ?> settings) {
        Object value = settings.get(EncryptionSettings.LIFECYCLE_POLL_INTERVAL);
        if (value == null || (value instanceof String text && text.isBlank())) {
            return DEFAULT_POLL_INTERVAL;
        }
        Duration interval;
        if (value instanceof Duration duration) {
            interval = duration;
        } else if (value instanceof Number number) {
            interval = Duration.ofSeconds(number.longValue());
        } else {
            String text = value.toString().trim();
            try {
                interval = text.matches("-?\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
            } catch (NumberFormatException | DateTimeParseException e) {
                throw invalid(text);
            }
        }
        if (interval.isNegative()) {
            throw invalid(value.toString());
        }
        return interval;
    }

    private static AlwaysEncryptedException invalid(String value) {
        return new AlwaysEncryptedException("Setting " + EncryptionSettings.LIFECYCLE_POLL_INTERVAL + " is '" + value
                + "': give an ISO-8601 duration such as PT10S, a number of seconds such as 10, or 0 to read the "
                + "lifecycle tables only once");
    }
}
