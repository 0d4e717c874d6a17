package dev.hibernateae.internal.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.api.StringEncoding;
import dev.hibernateae.internal.codec.CodecOptions;
import dev.hibernateae.internal.crypto.ColumnKey;
import dev.hibernateae.internal.crypto.SearchTokenHash;
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
    void aTypeOutsideTheClassPathIsReadAsBytesForEqualityAndRefusedForOtherSearches() {
        TokenTable table = new TokenTable("t_hae_tokens", "t", "id");
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        SearchOptions equality = new SearchOptions(new SearchOptions.Equality(1), null, null, null, null);
        TokenSpec enumSpec = new TokenSpec("t", "id", List.of(new TokenSpec.Column("status", "com.example.T.status",
                "cek1", EncryptionType.RANDOMIZED, "com.example.Status", CodecOptions.DEFAULTS.withLength(20),
                equality)));
        SearchableColumn opaque = enumSpec.columns(table, platform).get(0);
        assertEquals(byte[].class, opaque.attribute().javaType());

        // The same plaintext bytes give the same equality token as the application's value of its own type.
        TokenSpec stringSpec = new TokenSpec("t", "id", List.of(new TokenSpec.Column("status", "com.example.T.status",
                "cek1", EncryptionType.RANDOMIZED, "java.lang.String", CodecOptions.DEFAULTS.withLength(20),
                equality)));
        SearchableColumn typed = stringSpec.columns(table, platform).get(0);
        SearchTokenHash hash = ColumnKey.derive(new byte[32]).searchTokens("equality t.status");
        byte[] plaintext = "ACTIVE".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        assertArrayEquals(SearchTokens.stored(typed, "ACTIVE", s -> hash, new java.util.Random()).get(0),
                SearchTokens.stored(opaque, plaintext, s -> hash, new java.util.Random()).get(0));

        TokenSpec prefixSpec = new TokenSpec("t", "id", List.of(new TokenSpec.Column("status", "com.example.T.status",
                "cek1", EncryptionType.RANDOMIZED, "com.example.Status", CodecOptions.DEFAULTS,
                new SearchOptions(null, null, new SearchOptions.Affix(1, 3, 1), null, null))));
        AlwaysEncryptedException refused = assertThrows(AlwaysEncryptedException.class,
                () -> prefixSpec.columns(table, platform));
        assertEquals(true, refused.getMessage().contains("com.example.Status is not on this class path"),
                refused.getMessage());
    }

    @Test
    void textThatIsNotASpecIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenSpec.decode("hello"));
        assertThrows(IllegalArgumentException.class, () -> TokenSpec.decode("hibernate-ae token spec v1\nowner=id"));
    }
}
