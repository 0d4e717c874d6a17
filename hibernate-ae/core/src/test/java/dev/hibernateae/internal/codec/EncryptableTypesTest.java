package dev.hibernateae.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The registry of encryptable types: every entry works through its codec and text form, and README lists it. */
class EncryptableTypesTest {
    private static final Map<Class<?>, Object> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put(String.class, "Ünïcødé 795-73-9838");
        SAMPLES.put(Boolean.class, true);
        SAMPLES.put(Byte.class, (byte) -7);
        SAMPLES.put(Short.class, (short) 1234);
        SAMPLES.put(Integer.class, -42);
        SAMPLES.put(Long.class, Long.MAX_VALUE);
        SAMPLES.put(Float.class, 1.5f);
        SAMPLES.put(Double.class, -0.125);
        SAMPLES.put(BigDecimal.class, new BigDecimal("12.50"));
        SAMPLES.put(LocalDate.class, LocalDate.of(2024, 2, 29));
        SAMPLES.put(LocalTime.class, LocalTime.of(9, 5, 7, 123_456_700));
        SAMPLES.put(LocalDateTime.class, LocalDateTime.of(2024, 1, 2, 10, 0, 0, 500_000_000));
        SAMPLES.put(OffsetDateTime.class, OffsetDateTime.of(2024, 1, 2, 10, 0, 0, 0, ZoneOffset.ofHours(-5)));
        SAMPLES.put(Instant.class, Instant.parse("2024-01-02T10:00:00.1234567Z"));
        SAMPLES.put(UUID.class, UUID.fromString("6f1c2b9e-58a1-4c5e-9d2a-0b7e6c1f3a42"));
        SAMPLES.put(byte[].class, new byte[] {0, 1, (byte) 0xFF});
        SAMPLES.put(Enum.class, CodecRoundTripTest.Blood.O_NEGATIVE);
    }

    @Test
    void everyEntryHasASample() {
        assertEquals(List.copyOf(SAMPLES.keySet()),
                EncryptableTypes.all().stream().map(EncryptableType::javaType).toList());
    }

    @Test
    void everyEntryRoundTripsThroughItsCodecAndItsTextForm() {
        for (CodecOptions.EnumMapping mapping : CodecOptions.EnumMapping.values()) {
            CodecOptions options = CodecOptions.DEFAULTS.withEnumMapping(mapping);
            for (EncryptableType entry : EncryptableTypes.all()) {
                Object value = SAMPLES.get(entry.javaType());
                Class<?> type = value instanceof Enum<?> e ? e.getDeclaringClass() : entry.javaType();
                assertEquals(entry, EncryptableTypes.of(type).orElseThrow());
                PlaintextCodec<?> codec = entry.codec().create(type, options);
                Object decoded = decode(codec, value);
                if (value instanceof byte[] bytes) {
                    assertArrayEquals(bytes, (byte[]) decoded);
                } else {
                    assertEquals(value, decoded, entry.name());
                }
                if (entry.hasTextForm()) {
                    TextForm text = entry.textForm().create(type, options);
                    assertEquals(value, text.parse().apply(text.format().apply(value)), entry.name() + " as text");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T decode(PlaintextCodec<T> codec, Object value) {
        return codec.decode(codec.encode((T) value));
    }

    @Test
    void primitivesFindTheirBoxedEntryAndCliNamesTheirType() {
        assertEquals(Integer.class, EncryptableTypes.of(int.class).orElseThrow().javaType());
        assertEquals(Boolean.class, EncryptableTypes.of(boolean.class).orElseThrow().javaType());
        assertFalse(EncryptableTypes.of(char.class).isPresent());
        assertFalse(EncryptableTypes.of(java.util.Date.class).isPresent());
        assertEquals(LocalDate.class, EncryptableTypes.named(" Date ").orElseThrow().javaType());
        assertFalse(EncryptableTypes.named("enums").isPresent());
        for (EncryptableType entry : EncryptableTypes.all()) {
            assertTrue(entry.cliName() == null || entry.hasTextForm(), entry.name() + ": a CLI name needs a text form");
        }
        assertEquals("String, Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal, LocalDate, LocalTime, "
                + "LocalDateTime, OffsetDateTime, Instant, UUID, byte[] and enums (and their primitive forms)",
                EncryptableTypes.supportedList());
    }

    /** README's table of supported types: each Java type, in order, with its {@code --java-type} name or "—". */
    @Test
    void readmeListsTheRegistry() throws IOException {
        List<String> expected = new ArrayList<>();
        for (EncryptableType entry : EncryptableTypes.all()) {
            String name = entry.javaType() == Enum.class ? entry.name() : "`" + entry.name() + "`";
            expected.add(name + " | " + (entry.cliName() == null ? "—" : "`" + entry.cliName() + "`"));
        }
        String readme = Files.readString(readme());
        int start = readme.indexOf("| Java type | `--java-type` |");
        assertTrue(start >= 0, "README has the table of supported types");
        List<String> listed = new ArrayList<>();
        Matcher row = Pattern.compile("^\\| ([^|]+?) \\| ([^|]+?) \\|.*$", Pattern.MULTILINE)
                .matcher(readme.substring(start, readme.indexOf("\n\n", start)));
        while (row.find()) {
            if (!row.group(1).startsWith("Java type") && !row.group(1).startsWith("---")) {
                listed.add(row.group(1) + " | " + row.group(2));
            }
        }
        assertEquals(expected, listed);
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("README.md");
            if (Files.exists(candidate) && Files.exists(dir.resolve("hibernate-ae"))) {
                return candidate;
            }
        }
        throw new AssertionError("README.md not found above " + Path.of("").toAbsolutePath());
    }
}
