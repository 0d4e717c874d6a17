package dev.hibernateae.internal.keys;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads {@link EncryptionSettings#KEY_CACHE_TTL}: ISO-8601 ({@code PT2H}), whole seconds, or a {@link Duration}. */
public final class KeyCacheTtl {
    /** SQL Server's drivers keep unwrapped keys for two hours. */
    public static final Duration DEFAULT = Duration.ofHours(2);

    private KeyCacheTtl() {
    }

    public static Duration fromSettings(Map<String, ?> settings) {
        return parse(settings.get(EncryptionSettings.KEY_CACHE_TTL));
    }

    static Duration parse(Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            return DEFAULT;
        }
        Duration ttl;
        if (value instanceof Duration duration) {
            ttl = duration;
        } else if (value instanceof Number number) {
            ttl = Duration.ofSeconds(number.longValue());
        } else {
            String text = value.toString().trim();
            try {
                ttl = text.chars().allMatch(Character::isDigit) || text.startsWith("-")
                        ? Duration.ofSeconds(Long.parseLong(text))
                        : Duration.parse(text);
            } catch (NumberFormatException | DateTimeParseException e) {
                throw invalid(text);
            }
        }
        if (ttl.isNegative()) {
            throw invalid(value.toString());
        }
        return ttl;
    }

    private static AlwaysEncryptedException invalid(String value) {
        return new AlwaysEncryptedException("Setting " + EncryptionSettings.KEY_CACHE_TTL + " is '" + value
                + "': give an ISO-8601 duration such as PT2H, a number of seconds such as 7200, or 0 to disable "
                + "the key cache");
    }
}
