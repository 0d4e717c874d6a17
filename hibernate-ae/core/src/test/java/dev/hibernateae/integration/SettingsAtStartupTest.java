package dev.hibernateae.integration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionSettings;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;

/**
 * A persistence unit whose hibernate-ae settings are wrong does not start, even without encrypted attributes: a
 * misspelt setting is named with the one it probably meant, and every bad value is named with what is allowed.
 */
class SettingsAtStartupTest {

    @Entity(name = "Visit")
    public static class Visit {
        @Id
        Long id;
    }

    @Test
    void aMisspeltSettingStopsStartupNamingTheClosestKnownSetting() {
        Throwable failure = bootFailure(Map.of("hibernate.ae.keystore.locaton", "keys.p12"));
        String message = messages(failure);
        assertTrue(message.contains("Unknown setting hibernate.ae.keystore.locaton: did you mean "
                + EncryptionSettings.KEYSTORE_LOCATION + "?"), message);
    }

    @Test
    void everyBadValueStopsStartupAtOnce() {
        String message = messages(bootFailure(Map.of(EncryptionSettings.KEY_CACHE_TTL, "-1",
                EncryptionSettings.STARTUP_CHECK, "no", EncryptionSettings.KEYSTORE_PASSWORD, "hunter2",
                "hibernate.ae.keystore.passwd", "hunter3")));
        assertTrue(message.contains(EncryptionSettings.KEY_CACHE_TTL), message);
        assertTrue(message.contains(EncryptionSettings.STARTUP_CHECK), message);
        assertTrue(message.contains("hibernate.ae.keystore.passwd"), message);
        assertFalse(message.contains("hunter"), "never a password: " + message);
    }

    private static Throwable bootFailure(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_JDBC_URL, "jdbc:h2:mem:ae_settings_"
                + UUID.randomUUID().toString().substring(0, 8));
        settings.put(AvailableSettings.HBM2DDL_AUTO, "none");
        settings.putAll(extra);
        return assertThrows(RuntimeException.class, () -> {
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
            try (SessionFactory ignored = new MetadataSources(registry).addAnnotatedClass(Visit.class)
                    .buildMetadata().buildSessionFactory()) {
                // started: the assertion fails
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
