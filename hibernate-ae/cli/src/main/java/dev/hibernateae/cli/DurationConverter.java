package dev.hibernateae.cli;

import dev.hibernateae.internal.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --wait 30}, {@code --wait 30s} or {@code --wait PT30S}: the one duration syntax of {@link Durations}. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + text + "' is not " + Durations.SYNTAX);
        }
    }
}
