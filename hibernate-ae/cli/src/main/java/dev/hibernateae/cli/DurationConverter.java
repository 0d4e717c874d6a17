package dev.hibernateae.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --wait 30} or {@code --wait PT30S}: whole seconds, as people type them, or an ISO-8601 duration. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        String value = text.trim();
        try {
            return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new TypeConversionException("needs seconds or an ISO-8601 duration (PT30S), got '" + text + "'");
        }
    }
}
