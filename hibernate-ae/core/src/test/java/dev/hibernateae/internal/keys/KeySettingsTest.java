package dev.hibernateae.internal.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.config.AeConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trusted master key paths, from the settings. */
class KeySettingsTest {

    @Test
    void withoutTheSettingNoMasterKeyPathIsTrustedAndTheErrorSaysWhatToConfigure() {
        TrustedMasterKeyPaths none = TrustedMasterKeyPaths.from(AeConfig.DEFAULTS);
        assertThrows(ColumnMasterKeyException.class, () -> none.isTrusted("anything"));
        ColumnMasterKeyException missing = assertThrows(ColumnMasterKeyException.class, none::requireConfigured);
        assertTrue(missing.getMessage().contains(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS), missing.getMessage());
        assertTrue(missing.getMessage().contains(EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH), missing.getMessage());
    }

    @Test
    void trustingEveryPathIsAnExplicitOptIn() {
        TrustedMasterKeyPaths trusted = trustedPaths(
                Map.of(EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH, "true"));
        assertFalse(trusted.isRestricted());
        assertTrue(trusted.isTrusted("anything"));
        assertThrows(ColumnMasterKeyException.class, () -> trustedPaths(Map.of(
                EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH, "true", EncryptionSettings.TRUSTED_MASTER_KEY_PATHS,
                "cmk1")), "both at once is a contradiction");
    }

    @Test
    void trustedPathsAreCommaSeparatedAndCompareIgnoringCaseAndSpaces() {
        TrustedMasterKeyPaths trusted = trustedPaths(Map.of(
                EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, "cmk1, https://Vault.example/keys/K1/abc "));
        assertTrue(trusted.isTrusted("CMK1"));
        assertTrue(trusted.isTrusted("https://vault.example/keys/k1/ABC"));
        assertFalse(trusted.isTrusted("cmk2"));
        assertFalse(trusted.isTrusted(null));
    }

    private static TrustedMasterKeyPaths trustedPaths(Map<String, Object> settings) {
        return TrustedMasterKeyPaths.from(AeConfig.of(settings));
    }
}
