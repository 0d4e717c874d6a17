package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every hibernate-ae setting reaches every user: each {@link EncryptionSettings} constant has a {@code hibernate-ae.*}
 * Spring property with a description in the generated metadata (IDE completion), and a row in README's settings
 * table. A new setting without either fails here.
 */
class ConfigurationMetadataTest {

    /** {@code hibernate.ae.lifecycle.poll_interval} → {@code hibernate-ae.lifecycle.poll-interval}. */
    static Stream<String> settings() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field field : EncryptionSettings.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("PREFIX")) {
                names.add((String) field.get(null));
            }
        }
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("settings")
    void everySettingHasADescribedSpringProperty(String setting) throws IOException {
        String property = HibernateAeProperties.PREFIX + "."
                + setting.substring(EncryptionSettings.PREFIX.length()).replace('_', '-');
        everyPropertyIsDescribed(property);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void everySettingHasAReadmeRow(String setting) throws IOException {
        Path readme = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "../.."), "README.md");
        if (!Files.isRegularFile(readme)) {
            readme = Path.of("../../README.md");
        }
        String text = Files.readString(readme);
        assertTrue(text.lines().anyMatch(line -> line.startsWith("| `" + setting + "`")),
                setting + " has no row of its own in README's settings table");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hibernate-ae.azure-key-vault.enabled", "hibernate-ae.azure-key-vault.trusted-hosts",
            "hibernate-ae.repositories.check-queries", "hibernate-ae.exception-translation.enabled",
            "hibernate-ae.health.enabled", "hibernate-ae.metrics.enabled"})
    void everyPropertyIsDescribed(String property) throws IOException {
        String metadata = metadata();
        int at = metadata.indexOf("\"name\": \"" + property + "\"");
        assertTrue(at >= 0, property + " is missing from the configuration metadata");
        int end = metadata.indexOf('}', at);
        assertTrue(metadata.substring(at, end).contains("\"description\""), property + " has no description");
    }

    private static String metadata() throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertNotNull(in, "META-INF/spring-configuration-metadata.json was not generated");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
