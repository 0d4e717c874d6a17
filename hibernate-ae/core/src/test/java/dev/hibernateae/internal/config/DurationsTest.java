package dev.hibernateae.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one duration syntax: ISO-8601, whole seconds, or a whole number with a Spring-style unit; never negative. */
class DurationsTest {

    @Test
    void iso8601BareSecondsAndUnitsAllRead() {
        assertEquals(Duration.ofHours(2), Durations.parse("PT2H"));
        assertEquals(Duration.ofMinutes(30), Durations.parse("pt30m"));
        assertEquals(Duration.ofDays(1), Durations.parse("P1D"));
        assertEquals(Duration.ofSeconds(90), Durations.parse(" 90 "));
        assertEquals(Duration.ZERO, Durations.parse("0"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(10), Durations.parse("10s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2H"));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
        assertEquals(Duration.ofNanos(7), Durations.parse("7ns"));
        assertEquals(Duration.ofNanos(7000), Durations.parse("7us"));
    }

    @Test
    void valuesGivenInCodeAreDurationsOrWholeSeconds() {
        assertEquals(Duration.ofDays(1), Durations.of(Duration.ofDays(1)));
        assertEquals(Duration.ofSeconds(45), Durations.of(45));
        assertEquals(Duration.ofSeconds(45), Durations.of(45L));
        assertThrows(IllegalArgumentException.class, () -> Durations.of(1.5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"two hours", "10 parsecs", "1.5s", "PT", "", "h", "99999999999999999999"})
    void anythingElseIsRefusedSayingWhatIsAllowed(String bad) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad));
        assertTrue(failure.getMessage().contains(Durations.SYNTAX), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "-5s", "-PT1H", "PT-1H"})
    void negativeDurationsAreRefused(String bad) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad));
        assertTrue(failure.getMessage().contains("negative"), failure.getMessage());
    }

    @Test
    void negativeDurationsGivenInCodeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Durations.of(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Durations.of(-1));
    }
}
