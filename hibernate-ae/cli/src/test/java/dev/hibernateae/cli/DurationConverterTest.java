package dev.hibernateae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code --wait} and {@code --lease} take the duration syntax of the settings, parsed by the same class. */
class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void secondsIso8601AndUnitsAreRead() {
        assertEquals(Duration.ofSeconds(30), converter.convert("30"));
        assertEquals(Duration.ofSeconds(30), converter.convert("PT30S"));
        assertEquals(Duration.ofMillis(1500), converter.convert("1500ms"));
        assertEquals(Duration.ofMinutes(2), converter.convert("2m"));
    }

    @Test
    void badAndNegativeDurationsAreRefusedSayingWhatIsAllowed() {
        for (String bad : new String[] {"soon", "-5", "-PT5S"}) {
            TypeConversionException failure = assertThrows(TypeConversionException.class,
                    () -> converter.convert(bad));
            assertTrue(failure.getMessage().contains("500ms, 10s"), failure.getMessage());
            assertFalse(failure.getMessage().isBlank());
        }
    }
}
