package dev.hibernateae.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.StringEncoding;
import dev.hibernateae.internal.codec.CodecOptions;
import dev.hibernateae.internal.hibernate.SearchOptions;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A token spec reads back as written, whatever its fields hold, and text that is not one is refused. */
class TokenSpecTest {

    @Test
    void aSpecReadsBackAsWritten() {
        TokenSpec spec = new TokenSpec("measurement", "id", List.of(
                new TokenSpec.Column("taken_at", "com.example.M.takenAt", "cek,1&=%", EncryptionType.RANDOMIZED,
                        "java.time.LocalDateTime", CodecOptions.DEFAULTS.withFractionalSeconds(3),
                        new SearchOptions(null, null, null, null, new SearchOptions.Range("2000-01-01T00:00",
                                "2099-12-31T23:59:59", ChronoUnit.SECONDS, 3, 1, 2))),
                new TokenSpec.Column("name", "com.example.M.name", "cek1", EncryptionType.DETERMINISTIC,
                        "java.lang.String", CodecOptions.DEFAULTS.withStringEncoding(StringEncoding.UTF_8)
                                .withLength(40),
                        new SearchOptions(new SearchOptions.Equality(4), new SearchOptions.IgnoreCase(true, 1),
                                new SearchOptions.Affix(1, 8, 4), new SearchOptions.Affix(2, 3, 2), null)),
                new TokenSpec.Column("score", "com.example.M.score", "cek1", EncryptionType.RANDOMIZED,
                        "java.lang.Integer", CodecOptions.DEFAULTS, new SearchOptions(null, null, null, null,
                                new SearchOptions.Range("", "", ChronoUnit.MICROS, 2, 0, 1)))));
        String text = spec.encode();
        assertEquals(spec, TokenSpec.decode(text));
        assertEquals(text, TokenSpec.decode(text).encode(), "canonical");
        assertEquals("name", spec.columns().get(0).column(), "columns ordered by name");
    }

    @Test
    void textThatIsNotASpecIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenSpec.decode("hello"));
        assertThrows(IllegalArgumentException.class, () -> TokenSpec.decode("hibernate-ae token spec v1\nowner=id"));
    }
}
