package dev.hibernateae.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.config.KnownSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code quarkus.hibernate-ae.*} maps every setting the core knows, in the core's syntax, and gives none for a
 * property left unset.
 */
class AeSettingsTest {

    private static final Map<String, String> EVERY_PROPERTY = Map.ofEntries(
            Map.entry("quarkus.hibernate-ae.trusted-master-key-paths", "cmk1,cmk2"),
            Map.entry("quarkus.hibernate-ae.trust-any-master-key-path", "false"),
            Map.entry("quarkus.hibernate-ae.keystore.location", "/keys/cmk.p12"),
            Map.entry("quarkus.hibernate-ae.keystore.type", "JKS"),
            Map.entry("quarkus.hibernate-ae.keystore.password", "secret"),
            Map.entry("quarkus.hibernate-ae.keystore.password-env", "KEYSTORE_PASSWORD"),
            Map.entry("quarkus.hibernate-ae.keystore.password-file", "/run/secrets/keystore"),
            Map.entry("quarkus.hibernate-ae.key-cache-ttl", "2h"),
            Map.entry("quarkus.hibernate-ae.providers", "com.example.VaultProvider,com.example.HsmProvider"),
            Map.entry("quarkus.hibernate-ae.unreadable-attributes", "null"),
            Map.entry("quarkus.hibernate-ae.lifecycle.poll-interval", "10"),
            Map.entry("quarkus.hibernate-ae.lifecycle.encrypting-columns", "patient.ssn"),
            Map.entry("quarkus.hibernate-ae.lifecycle.decrypting-columns", "patient.notes,visit.reason"),
            Map.entry("quarkus.hibernate-ae.startup-check", "false"),
            Map.entry("quarkus.hibernate-ae.key-ring-listeners", "com.example.Meters"),
            Map.entry("quarkus.hibernate-ae.key-tables.schema-generation", "false"));

    @Test
    void everySettingOfTheCoreHasAProperty() {
        SmallRyeConfig config = config(EVERY_PROPERTY);
        TreeSet<String> mapped = new TreeSet<>(AeSettings.runTime(config.getConfigMapping(HibernateAeRuntimeConfig.class))
                .keySet());
        mapped.addAll(AeSettings.buildTime(config.getConfigMapping(HibernateAeBuildTimeConfig.class)).keySet());

        assertEquals(new TreeSet<>(KnownSettings.names()), mapped);
    }

    @Test
    void valuesAreWrittenInTheCoresSyntax() {
        SmallRyeConfig config = config(EVERY_PROPERTY);
        Map<String, String> settings = new TreeMap<>(AeSettings.runTime(config.getConfigMapping(
                HibernateAeRuntimeConfig.class)));
        settings.putAll(AeSettings.buildTime(config.getConfigMapping(HibernateAeBuildTimeConfig.class)));

        assertEquals("cmk1,cmk2", settings.get(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS));
        assertEquals("PT2H", settings.get(EncryptionSettings.KEY_CACHE_TTL));
        assertEquals("PT10S", settings.get(EncryptionSettings.LIFECYCLE_POLL_INTERVAL));
        assertEquals("patient.notes,visit.reason", settings.get(EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS));
        assertEquals("null", settings.get(EncryptionSettings.UNREADABLE_ATTRIBUTES));
        assertEquals("false", settings.get(EncryptionSettings.STARTUP_CHECK));
        assertEquals("false", settings.get(EncryptionSettings.KEY_TABLES_SCHEMA_GENERATION));
        assertEquals("/run/secrets/keystore", settings.get(EncryptionSettings.KEYSTORE_PASSWORD_FILE));
    }

    @Test
    void aPropertyLeftUnsetGivesNoSetting() {
        SmallRyeConfig config = config(Map.of("quarkus.hibernate-ae.trusted-master-key-paths", "cmk1"));

        assertEquals(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, "cmk1"),
                AeSettings.runTime(config.getConfigMapping(HibernateAeRuntimeConfig.class)));
        assertEquals(Map.of(), AeSettings.buildTime(config.getConfigMapping(HibernateAeBuildTimeConfig.class)));
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(HibernateAeRuntimeConfig.class)
                .withMapping(HibernateAeBuildTimeConfig.class)
                // Quarkus' own duration syntax: 2h, a bare number of seconds, or ISO-8601.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
    }
}
