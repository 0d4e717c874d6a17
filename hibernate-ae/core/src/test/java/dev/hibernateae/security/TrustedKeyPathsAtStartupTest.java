package dev.hibernateae.security;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.security.model.Citizen;
import dev.hibernateae.testing.LogCapture;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import dev.hibernateae.testing.keys.TestRsaProvider;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** Which master key paths an application uses is its own configuration's decision, made before it starts. */
class TrustedKeyPathsAtStartupTest {
    private final TestRsaProvider keyStore = new TestRsaProvider(TestRsaProvider.NAME, "keys/app");

    @Test
    void anApplicationWithoutTrustedPathsDoesNotStartAndIsToldWhatToConfigure() {
        try (TestDatabase.Instance db = TestDatabase.H2.create()) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> TestSessionFactories.build(db, null,
                    Map.of(EncryptionSettings.PROVIDERS, List.of(keyStore)), Citizen.class).close());
            String message = messages(refused);
            assertTrue(message.contains(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS)
                    && message.contains(EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH), message);
        }
    }

    @Test
    void trustingEveryPathStartsWithAWarning() {
        try (TestDatabase.Instance db = TestDatabase.H2.create(); LogCapture log = LogCapture.of(Level.WARNING)) {
            try (SessionFactory app = TestSessionFactories.build(db, null, Map.of(EncryptionSettings.PROVIDERS,
                    List.of(keyStore), EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH, "true"), Citizen.class)) {
                assertNotNull(app);
            }
            assertTrue(log.messages().stream().anyMatch(m -> m.contains(EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH)
                    && m.contains(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS)), log.messages().toString());
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
