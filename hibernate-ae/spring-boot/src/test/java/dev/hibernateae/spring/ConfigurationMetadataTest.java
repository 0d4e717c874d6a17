package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IDEs complete hibernate-ae.* from the metadata the build generates; every property must be in it. */
class ConfigurationMetadataTest {

    @ParameterizedTest
    @ValueSource(strings = {"hibernate-ae.keystore.location", "hibernate-ae.keystore.type",
            "hibernate-ae.keystore.password", "hibernate-ae.keystore.password-env",
            "hibernate-ae.keystore.password-file", "hibernate-ae.key-cache-ttl", "hibernate-ae.trusted-master-key-paths",
            "hibernate-ae.providers", "hibernate-ae.unreadable-attributes", "hibernate-ae.key-tables.schema-generation",
            "hibernate-ae.azure-key-vault.enabled", "hibernate-ae.azure-key-vault.trusted-hosts",
            "hibernate-ae.repositories.check-queries"})
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
