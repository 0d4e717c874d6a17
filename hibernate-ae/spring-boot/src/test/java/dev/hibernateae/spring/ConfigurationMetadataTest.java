package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every hibernate-ae setting reaches every user: each {@link EncryptionSettings} constant has a {@code hibernate-ae.*}
 * Spring property with a description in the generated metadata (IDE completion), and a row in README's settings
 * table; every {@code hibernate-ae.*} property of the metadata has a row in README's Spring Boot table. A new setting
 * or property without them fails here.
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
        assertTrue(readme().lines().anyMatch(line -> line.startsWith("| `" + setting + "`")),
                setting + " has no row of its own in README's settings table");
    }

    /** README's settings table documents settings that exist, and nothing else. */
    @Test
    void everyReadmeSettingRowIsASetting() throws IOException, IllegalAccessException {
        List<String> known = settings().toList();
        Matcher rows = Pattern.compile("(?m)^\\| `(" + Pattern.quote(EncryptionSettings.PREFIX) + "[^`]+)`")
                .matcher(readme());
        int found = 0;
        while (rows.find()) {
            found++;
            assertTrue(known.contains(rows.group(1)), "README documents " + rows.group(1) + ", which is no setting");
        }
        assertTrue(found >= known.size(), "README's settings table has " + found + " rows");
    }

    /** Every {@code hibernate-ae.*} property of the generated metadata, as IDE completion offers them. */
    static Stream<String> springProperties() throws IOException {
        String metadata = metadata();
        int start = metadata.indexOf("\"properties\"");
        int end = metadata.indexOf("\"hints\"", start);
        Matcher names = Pattern.compile("\"name\": \"(" + Pattern.quote(HibernateAeProperties.PREFIX) + "\\.[^\"]+)\"")
                .matcher(metadata.substring(start, end < 0 ? metadata.length() : end));
        List<String> properties = new ArrayList<>();
        while (names.find()) {
            properties.add(names.group(1));
        }
        assertFalse(properties.isEmpty(), "no properties found in the metadata");
        return properties.stream();
    }

    /**
     * A row of README's Spring Boot table names the property: {@code `hibernate-ae.keystore.type`}, a list's
     * {@code `hibernate-ae.provisioning.column-master-keys[n]...`}, or a row of its group such as
     * {@code `hibernate-ae.keystore.location` / `.type`}.
     */
    @ParameterizedTest
    @MethodSource("springProperties")
    void everySpringPropertyHasAReadmeRow(String property) throws IOException {
        int dot = property.lastIndexOf('.');
        String group = property.substring(0, dot + 1);
        String last = property.substring(dot);
        assertTrue(readme().lines().filter(line -> line.startsWith("| `" + HibernateAeProperties.PREFIX + "."))
                .anyMatch(line -> line.contains("`" + property + "`") || line.contains("`" + property + "[")
                        || line.startsWith("| `" + group) && line.contains("`" + last + "`")),
                property + " has no row in README's Spring Boot table");
    }

    private static String readme() throws IOException {
        Path readme = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "../.."), "README.md");
        if (!Files.isRegularFile(readme)) {
            readme = Path.of("../../README.md");
        }
        return Files.readString(readme);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hibernate-ae.azure-key-vault.enabled", "hibernate-ae.azure-key-vault.trusted-hosts",
            "hibernate-ae.repositories.check-queries", "hibernate-ae.exception-translation.enabled",
            "hibernate-ae.provisioning.enabled", "hibernate-ae.provisioning.column-master-keys",
            "hibernate-ae.provisioning.column-encryption-keys",
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
