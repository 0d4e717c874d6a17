package dev.hibernateae.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parsing every setting once: defaults, values, every bad value reported at once, unknown settings refused. */
class AeConfigTest {

    @Test
    void withoutSettingsEveryDefaultApplies() {
        AeConfig config = AeConfig.DEFAULTS;
        assertEquals(Duration.ofHours(2), config.keyCacheTtl());
        assertEquals(Duration.ofSeconds(10), config.lifecyclePollInterval());
        assertTrue(config.startupCheck());
        assertTrue(config.keyTablesSchemaGeneration());
        assertFalse(config.unreadableAsNull());
        assertFalse(config.trustAnyMasterKeyPath());
        assertTrue(config.trustedMasterKeyPaths().isEmpty());
        assertTrue(config.providers().isEmpty());
        assertTrue(config.keyRingListeners().isEmpty());
        assertFalse(config.keystore().given());
    }

    @Test
    void everySettingIsRead() {
        Object listener = new Object();
        AeConfig config = AeConfig.of(Map.ofEntries(
                Map.entry(EncryptionSettings.KEYSTORE_LOCATION, " keys.p12 "),
                Map.entry(EncryptionSettings.KEYSTORE_TYPE, "JKS"),
                Map.entry(EncryptionSettings.KEYSTORE_PASSWORD_ENV, "KS_PASSWORD"),
                Map.entry(EncryptionSettings.KEY_CACHE_TTL, "5m"),
                Map.entry(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, "cmk1, cmk2,,cmk1"),
                Map.entry(EncryptionSettings.PROVIDERS, List.of("a.B, c.D", String.class)),
                Map.entry(EncryptionSettings.UNREADABLE_ATTRIBUTES, "NULL"),
                Map.entry(EncryptionSettings.KEY_TABLES_SCHEMA_GENERATION, false),
                Map.entry(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, 3),
                Map.entry(EncryptionSettings.LIFECYCLE_ENCRYPTING_COLUMNS, "patient.ssn"),
                Map.entry(EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS, List.of("a.b", "c.d")),
                Map.entry(EncryptionSettings.STARTUP_CHECK, "FALSE"),
                Map.entry(EncryptionSettings.KEY_RING_LISTENERS, List.of(listener))));
        assertEquals(Path.of("keys.p12"), config.keystore().location());
        assertEquals("JKS", config.keystore().type());
        assertEquals("KS_PASSWORD", config.keystore().passwordEnv());
        assertTrue(config.keystore().given());
        assertEquals(Duration.ofMinutes(5), config.keyCacheTtl());
        assertEquals(List.of("cmk1", "cmk2"), List.copyOf(config.trustedMasterKeyPaths()));
        assertEquals(List.of("a.B", "c.D", String.class), config.providers());
        assertTrue(config.unreadableAsNull());
        assertFalse(config.keyTablesSchemaGeneration());
        assertEquals(Duration.ofSeconds(3), config.lifecyclePollInterval());
        assertEquals(Set.of("patient.ssn"), config.encryptingColumns());
        assertEquals(List.of("a.b", "c.d"), List.copyOf(config.decryptingColumns()));
        assertFalse(config.startupCheck());
        assertSame(listener, config.keyRingListeners().get(0));
    }

    @Test
    void blankValuesCountAsNotSet() {
        AeConfig config = AeConfig.of(Map.of(EncryptionSettings.KEY_CACHE_TTL, " ", EncryptionSettings.STARTUP_CHECK,
                "", EncryptionSettings.UNREADABLE_ATTRIBUTES, ""));
        assertEquals(AeConfig.DEFAULT_KEY_CACHE_TTL, config.keyCacheTtl());
        assertTrue(config.startupCheck());
        assertFalse(config.unreadableAsNull());
    }

    @Test
    void everyBadValueIsReportedAtOnceWithTheSettingTheValueAndWhatIsAllowed() {
        AlwaysEncryptedException failure = assertThrows(AlwaysEncryptedException.class, () -> AeConfig.of(Map.of(
                EncryptionSettings.KEY_CACHE_TTL, "two hours",
                EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "-10s",
                EncryptionSettings.STARTUP_CHECK, "yes",
                EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH, "maybe",
                EncryptionSettings.UNREADABLE_ATTRIBUTES, "skip")));
        String message = failure.getMessage();
        assertTrue(message.startsWith("5 hibernate-ae settings are wrong"), message);
        assertTrue(message.contains("Setting " + EncryptionSettings.KEY_CACHE_TTL + " is 'two hours': give "
                + Durations.SYNTAX), message);
        assertTrue(message.contains("Setting " + EncryptionSettings.LIFECYCLE_POLL_INTERVAL + " is '-10s'"), message);
        assertTrue(message.contains("negative"), message);
        assertTrue(message.contains("Setting " + EncryptionSettings.STARTUP_CHECK + " is 'yes': true or false"),
                message);
        assertTrue(message.contains("Setting " + EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH + " is 'maybe'"),
                message);
        assertTrue(message.contains("Setting " + EncryptionSettings.UNREADABLE_ATTRIBUTES + " is 'skip': one of fail, "
                + "null"), message);
    }

    @Test
    void oneBadValueIsReportedAlone() {
        AlwaysEncryptedException failure = assertThrows(AlwaysEncryptedException.class,
                () -> AeConfig.of(Map.of(EncryptionSettings.KEY_CACHE_TTL, "-PT1H")));
        assertTrue(failure.getMessage().startsWith("Setting " + EncryptionSettings.KEY_CACHE_TTL + " is '-PT1H'"),
                failure.getMessage());
    }

    @Test
    void aPasswordSettingsValueIsNeverShown() {
        AlwaysEncryptedException failure = assertThrows(AlwaysEncryptedException.class, () -> AeConfig.of(Map.of(
                EncryptionSettings.KEYSTORE_PASSWORD, "s3cret", "hibernate.ae.keystore.pasword", "s3cret-too",
                EncryptionSettings.KEY_CACHE_TTL, "bad")));
        assertFalse(failure.getMessage().contains("s3cret"), failure.getMessage());
        assertFalse(AeConfig.of(Map.of(EncryptionSettings.KEYSTORE_PASSWORD, "s3cret")).toString().contains("s3cret"));
    }

    @Test
    void anUnknownSettingIsRefusedNamingTheClosestKnownOne() {
        AlwaysEncryptedException failure = assertThrows(AlwaysEncryptedException.class,
                () -> AeConfig.of(Map.of("hibernate.ae.keystore.locaton", "keys.p12")));
        assertTrue(failure.getMessage().contains("Unknown setting hibernate.ae.keystore.locaton: did you mean "
                + EncryptionSettings.KEYSTORE_LOCATION + "?"), failure.getMessage());
        assertFalse(failure.getMessage().contains("keys.p12"), "an unknown setting's value may be a password");

        failure = assertThrows(AlwaysEncryptedException.class,
                () -> AeConfig.of(Map.of("hibernate.ae.lifecycle.poll-interval", "10s")));
        assertTrue(failure.getMessage().contains("did you mean " + EncryptionSettings.LIFECYCLE_POLL_INTERVAL),
                failure.getMessage());
    }

    @Test
    void internalAndOtherSettingsAreNotChecked() {
        Object ring = new Object();
        Map<String, Object> settings = new HashMap<>();
        settings.put(InternalSettings.KEY_RING, ring);
        settings.put("hibernate.show_sql", "maybe");
        settings.put("acme.custom", "value");
        AeConfig config = AeConfig.of(settings);
        assertSame(ring, config.internal(InternalSettings.KEY_RING));
        assertNull(config.internal(InternalSettings.APPLICATION_SQM_TRANSLATOR));
        assertEquals("value", config.settings().get("acme.custom"));
        assertThrows(IllegalArgumentException.class, () -> config.internal(EncryptionSettings.KEY_CACHE_TTL));
    }

    @Test
    void everyConstantIsKnownAndOnlyInternalSettingsUseTheInternalPrefix() {
        assertTrue(KnownSettings.names().containsAll(Set.of(EncryptionSettings.KEY_CACHE_TTL,
                EncryptionSettings.KEY_RING_LISTENERS, EncryptionSettings.KEYSTORE_PASSWORD)));
        assertTrue(KnownSettings.names().stream().noneMatch(InternalSettings::isInternal));
        assertFalse(KnownSettings.names().contains(EncryptionSettings.PREFIX));
    }
}
