package dev.hibernateae.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key derivation, destruction and redaction. */
class CellKeyTest {
    private static final Pattern LONG_HEX_RUN = Pattern.compile("[0-9a-fA-F]{16,}");

    private final byte[] cek = new RandomCells().bytes(CellKey.KEY_LENGTH);

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 16, 31, 33, 48, 64})
    void deriveRejectsKeysThatAreNot32Bytes(int length) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CellKey.derive(new byte[length]));
        assertTrue(e.getMessage().contains("32"), e.getMessage());
        assertTrue(e.getMessage().contains(length + " bytes"), e.getMessage());
    }

    @Test
    void deriveRejectsAMissingKey() {
        assertThrows(IllegalArgumentException.class, () -> CellKey.derive(null));
    }

    @Test
    void deriveLeavesTheCallersKeyUntouchedAndKeepsNoReferenceToIt() {
        byte[] rootKey = cek.clone();
        CellKey key = CellKey.derive(rootKey);
        assertArrayEquals(cek, rootKey);
        byte[] plaintext = {1, 2, 3};
        byte[] before = new CellCipher(key, EncryptionType.DETERMINISTIC).encrypt(plaintext);
        Arrays.fill(rootKey, (byte) 0); // what a caller should do once derived
        assertArrayEquals(before, new CellCipher(key, EncryptionType.DETERMINISTIC).encrypt(plaintext));
    }

    @Test
    void derivedKeysFollowSqlServersLabels() throws GeneralSecurityException {
        CellWorkspace workspace = CellKey.derive(cek).workspace();
        assertArrayEquals(hmac(cek, "Microsoft SQL Server cell encryption key"), workspace.encryptionKey.getEncoded());
    }

    @Test
    void aDestroyedKeyRefusesToEncryptAndDecrypt() {
        CellKey key = CellKey.derive(cek);
        CellCipher deterministic = new CellCipher(key, EncryptionType.DETERMINISTIC);
        CellCipher randomized = new CellCipher(key, EncryptionType.RANDOMIZED);
        byte[] cell = deterministic.encrypt(new byte[] {42});
        key.destroy();
        assertTrue(key.isDestroyed());
        assertThrows(IllegalStateException.class, () -> deterministic.encrypt(new byte[] {42}));
        assertThrows(IllegalStateException.class, () -> randomized.encrypt(new byte[] {42}));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> deterministic.decrypt(cell));
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("key"), e.getMessage());
    }

    @Test
    void aKeyDestroyedOnOneThreadRefusesOnAThreadThatUsedItBefore() throws Exception {
        CellKey key = CellKey.derive(cek);
        CellCipher cipher = new CellCipher(key, EncryptionType.RANDOMIZED);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            byte[] cell = other.submit(() -> cipher.encrypt(new byte[] {7})).get(); // that thread now holds keyed objects
            key.destroy();
            Future<byte[]> afterDestroy = other.submit(() -> cipher.decrypt(cell));
            ExecutionException e =
                    assertThrows(ExecutionException.class, afterDestroy::get);
            assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void destroyZeroesTheDerivedKeyBytes() {
        CellKey key = CellKey.derive(cek);
        CellWorkspace workspace = key.workspace();
        DestroyableSecretKey encryptionKey = (DestroyableSecretKey) workspace.encryptionKey;
        assertFalse(encryptionKey.isDestroyed());
        key.destroy();
        assertTrue(encryptionKey.isDestroyed());
        assertThrows(IllegalStateException.class, encryptionKey::getEncoded);
    }

    @Test
    void closingAKeyDestroysIt() {
        CellKey key;
        try (CellKey k = CellKey.derive(cek)) {
            key = k;
            assertFalse(k.isDestroyed());
        }
        assertTrue(key.isDestroyed());
    }

    @Test
    void toStringNeverShowsKeyMaterial() throws GeneralSecurityException {
        CellKey key = CellKey.derive(cek);
        CellCipher cipher = new CellCipher(key, EncryptionType.DETERMINISTIC);
        String[] secrets = {
            HexFormat.of().formatHex(cek),
            HexFormat.of().formatHex(hmac(cek, "Microsoft SQL Server cell encryption key")),
            HexFormat.of().formatHex(hmac(cek, "Microsoft SQL Server cell MAC key")),
            HexFormat.of().formatHex(hmac(cek, "Microsoft SQL Server cell IV key")),
        };
        String[] shown = {key.toString(), cipher.toString(), key.workspace().encryptionKey.toString()};
        key.destroy();
        String[] shownAfterDestroy = {key.toString(), cipher.toString()};
        for (String[] texts : new String[][] {shown, shownAfterDestroy}) {
            for (String text : texts) {
                assertFalse(LONG_HEX_RUN.matcher(text).find(), text);
                for (String secret : secrets) {
                    assertFalse(text.toLowerCase(Locale.ROOT).contains(secret), text);
                }
                assertFalse(text.contains(new String(cek, StandardCharsets.ISO_8859_1)), text);
            }
        }
        assertEquals("CellCipher[DETERMINISTIC]", cipher.toString());
    }

    private static byte[] hmac(byte[] rootKey, String purpose) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(rootKey, "HmacSHA256"));
        return mac.doFinal((purpose + " with encryption algorithm:AEAD_AES_256_CBC_HMAC_SHA256 and key length:256")
                .getBytes(StandardCharsets.UTF_16LE));
    }
}
