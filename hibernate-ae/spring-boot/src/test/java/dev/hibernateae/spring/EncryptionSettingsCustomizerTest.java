package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptionSettingsCustomizerTest {

    @Test
    void everyPropertyBecomesItsHibernateSetting() {
        HibernateAeProperties properties = new HibernateAeProperties();
        properties.getKeystore().setLocation(Path.of("/keys/cmk.p12"));
        properties.getKeystore().setType("JKS");
        properties.getKeystore().setPasswordEnv("CMK_PASSWORD");
        properties.getKeystore().setPasswordFile(Path.of("/run/secrets/cmk"));
        properties.setKeyCacheTtl(Duration.ofMinutes(30));
        properties.setTrustedMasterKeyPaths(List.of("cmk1", "https://v.vault.azure.net/keys/k/1"));
        properties.setUnreadableAttributes(HibernateAeProperties.UnreadableAttributes.NULL);
        properties.getKeyTables().setSchemaGeneration(false);

        Map<String, Object> settings = customize(properties, Map.of());

        assertEquals("/keys/cmk.p12", settings.get(EncryptionSettings.KEYSTORE_LOCATION));
        assertEquals("JKS", settings.get(EncryptionSettings.KEYSTORE_TYPE));
        assertEquals("CMK_PASSWORD", settings.get(EncryptionSettings.KEYSTORE_PASSWORD_ENV));
        assertEquals("/run/secrets/cmk", settings.get(EncryptionSettings.KEYSTORE_PASSWORD_FILE));
        assertEquals("PT30M", settings.get(EncryptionSettings.KEY_CACHE_TTL));
        assertEquals("cmk1,https://v.vault.azure.net/keys/k/1",
                settings.get(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS));
        assertEquals("null", settings.get(EncryptionSettings.UNREADABLE_ATTRIBUTES));
        assertEquals("false", settings.get(EncryptionSettings.KEY_TABLES_SCHEMA_GENERATION));
        assertFalse(settings.containsKey(EncryptionSettings.KEYSTORE_PASSWORD));
        assertFalse(settings.containsKey(EncryptionSettings.PROVIDERS));
    }

    @Test
    void developmentProvisioningTurnsTheStartupCheckOffUnlessItWasChosen() {
        HibernateAeProperties provisioning = new HibernateAeProperties();
        provisioning.getProvisioning().setEnabled(true);
        assertEquals("false", customize(provisioning, Map.of()).get(EncryptionSettings.STARTUP_CHECK),
                "the check would refuse a listed key before provisioning creates it");
        assertEquals("true", customize(provisioning, Map.of(EncryptionSettings.STARTUP_CHECK, "true"))
                .get(EncryptionSettings.STARTUP_CHECK));
        provisioning.setStartupCheck(true);
        assertEquals("true", customize(provisioning, Map.of()).get(EncryptionSettings.STARTUP_CHECK));
        assertFalse(customize(new HibernateAeProperties(), Map.of()).containsKey(EncryptionSettings.STARTUP_CHECK),
                "without provisioning the check keeps its default");
    }

    @Test
    void unsetPropertiesLeaveSpringJpaPropertiesAlone() {
        Map<String, Object> jpaProperties = Map.of(EncryptionSettings.KEYSTORE_LOCATION, "/from/jpa.p12",
                EncryptionSettings.KEYSTORE_PASSWORD, "secret-from-jpa");

        Map<String, Object> settings = customize(new HibernateAeProperties(), jpaProperties);

        assertEquals(jpaProperties, settings);
    }

    @Test
    void theSameValueGivenBothWaysIsAccepted() {
        HibernateAeProperties properties = new HibernateAeProperties();
        properties.getKeystore().setLocation(Path.of("/keys/cmk.p12"));

        Map<String, Object> settings = customize(properties,
                Map.of(EncryptionSettings.KEYSTORE_LOCATION, "/keys/cmk.p12"));

        assertEquals("/keys/cmk.p12", settings.get(EncryptionSettings.KEYSTORE_LOCATION));
    }

    @Test
    void differentValuesGivenBothWaysStopStartupWithoutShowingThem() {
        HibernateAeProperties properties = new HibernateAeProperties();
        properties.getKeystore().setPassword("first-secret");

        AlwaysEncryptedException e = assertThrows(AlwaysEncryptedException.class, () -> customize(properties,
                Map.of(EncryptionSettings.KEYSTORE_PASSWORD, "second-secret")));

        assertTrue(e.getMessage().contains("hibernate-ae.keystore.password"), e.getMessage());
        assertTrue(e.getMessage().contains("spring.jpa.properties.hibernate.ae.keystore.password"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "no password in the message");
    }

    @Test
    void providersFromBothPrefixesAndBeansAreRegisteredTogether() {
        HibernateAeProperties properties = new HibernateAeProperties();
        properties.setProviders(List.of("com.example.SecondProvider"));
        ColumnMasterKeyProvider bean = new TestRsaProvider("BEAN_PROVIDER");

        Map<String, Object> settings = new HashMap<>(Map.of(EncryptionSettings.PROVIDERS, "com.example.FirstProvider"));
        new EncryptionSettingsCustomizer(properties, List.of(bean)).customize(settings);

        List<?> providers = (List<?>) settings.get(EncryptionSettings.PROVIDERS);
        assertEquals(3, providers.size());
        assertEquals("com.example.FirstProvider", providers.get(0));
        assertEquals("com.example.SecondProvider", providers.get(1));
        assertSame(bean, providers.get(2));
    }

    private static Map<String, Object> customize(HibernateAeProperties properties, Map<String, Object> initial) {
        Map<String, Object> settings = new HashMap<>(initial);
        new EncryptionSettingsCustomizer(properties, List.of()).customize(settings);
        return settings;
    }
}
