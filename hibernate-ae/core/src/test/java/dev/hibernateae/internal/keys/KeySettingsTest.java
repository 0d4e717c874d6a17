package dev.hibernateae.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the key cache time to live and the trusted master key paths from the settings. */
class KeySettingsTest {

    @Test
    void theKeyCacheTimeToLiveDefaultsToTwoHours() {
        assertEquals(Duration.ofHours(2), KeyCacheTtl.fromSettings(Map.of()));
    }

    @Test
    void theKeyCacheTimeToLiveIsReadAsIso8601OrSeconds() {
        assertEquals(Duration.ofMinutes(30), KeyCacheTtl.parse("PT30M"));
        assertEquals(Duration.ofSeconds(90), KeyCacheTtl.parse(" 90 "));
        assertEquals(Duration.ofSeconds(45), KeyCacheTtl.parse(45));
        assertEquals(Duration.ofDays(1), KeyCacheTtl.parse(Duration.ofDays(1)));
        assertEquals(Duration.ZERO, KeyCacheTtl.parse("0"));
    }

    @Test
    void anUnreadableOrNegativeTimeToLiveIsAnErrorNamingTheSetting() {
        for (Object bad : List.of("two hours", "-5", "-PT1H", -1)) {
            AlwaysEncryptedException failure = assertThrows(AlwaysEncryptedException.class,
                    () -> KeyCacheTtl.parse(bad));
            assertTrue(failure.getMessage().contains(EncryptionSettings.KEY_CACHE_TTL), failure.getMessage());
        }
    }

    @Test
    void withoutTheSettingNoMasterKeyPathIsTrustedAndTheErrorSaysWhatToConfigure() {
        TrustedMasterKeyPaths none = TrustedMasterKeyPaths.fromSettings(Map.of());
        assertThrows(ColumnMasterKeyException.class, () -> none.isTrusted("anything"));
        ColumnMasterKeyException missing = assertThrows(ColumnMasterKeyException.class, none::requireConfigured);
        assertTrue(missing.getMessage().contains(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS), missing.getMessage());
        assertTrue(missing.getMessage().contains(EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH), missing.getMessage());
    }

    @Test
    void trustingEveryPathIsAnExplicitOptIn() {
        TrustedMasterKeyPaths trusted = TrustedMasterKeyPaths.fromSettings(
                Map.of(EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH, "true"));
        assertFalse(trusted.isRestricted());
        assertTrue(trusted.isTrusted("anything"));
        assertThrows(ColumnMasterKeyException.class, () -> TrustedMasterKeyPaths.fromSettings(Map.of(
                EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH, "true", EncryptionSettings.TRUSTED_MASTER_KEY_PATHS,
                "cmk1")), "both at once is a contradiction");
    }

    @Test
    void trustedPathsAreCommaSeparatedAndCompareIgnoringCaseAndSpaces() {
        TrustedMasterKeyPaths trusted = TrustedMasterKeyPaths.fromSettings(Map.of(
                EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, "cmk1, https://Vault.example/keys/K1/abc "));
        assertTrue(trusted.isTrusted("CMK1"));
        assertTrue(trusted.isTrusted("https://vault.example/keys/k1/ABC"));
        assertFalse(trusted.isTrusted("cmk2"));
        assertFalse(trusted.isTrusted(null));
    }
}
