package dev.hibernateae.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hibernateae.api.CellDecryptionException;
import dev.hibernateae.api.CellDecryptionException.Reason;
import dev.hibernateae.api.EncryptionType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a stored cell can be damaged or forged is refused with a {@link CellDecryptionException} naming the
 * reason; no bytes are ever returned, and no message reveals the key or the plaintext.
 */
class CellCipherTamperingTest {
    private static final Pattern LONG_HEX_RUN = Pattern.compile("[0-9a-fA-F]{16,}");

    private final RandomCells random = new RandomCells();
    private final byte[] cek = random.bytes(CellKey.KEY_LENGTH);

    @ParameterizedTest(name = "{0}-byte plaintext")
    @ValueSource(ints = {0, 17, 40})
    void everySingleBitFlipIsRefused(int plaintextLength) {
        for (EncryptionType type : EncryptionType.values()) {
            CellCipher cipher = new CellCipher(CellKey.derive(cek), type);
            byte[] plaintext = random.bytes(plaintextLength);
            byte[] cell = cipher.encrypt(plaintext);
            for (int bit = 0; bit < cell.length * 8; bit++) {
                byte[] flipped = cell.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                Reason expected = bit < 8 ? Reason.UNKNOWN_VERSION : Reason.TAG_MISMATCH;
                assertRefused(cipher, flipped, expected, plaintext);
            }
        }
    }

    @Test
    void everyTruncationIsRefused() {
        CellCipher cipher = new CellCipher(CellKey.derive(cek), EncryptionType.DETERMINISTIC);
        byte[] plaintext = random.bytes(40);
        byte[] cell = cipher.encrypt(plaintext);
        assertEquals(97, cell.length);
        for (int length = 0; length < cell.length; length++) {
            // A cut on a block boundary leaves a well-formed length; only the tag can tell.
            Reason expected = length == 65 || length == 81 ? Reason.TAG_MISMATCH : Reason.MALFORMED_LENGTH;
            assertRefused(cipher, Arrays.copyOf(cell, length), expected, plaintext);
        }
    }

    @Test
    void appendedBytesAreRefused() {
        CellCipher cipher = new CellCipher(CellKey.derive(cek), EncryptionType.RANDOMIZED);
        byte[] plaintext = random.bytes(20);
        byte[] cell = cipher.encrypt(plaintext);
        for (int extra = 1; extra <= 48; extra++) {
            byte[] extended = Arrays.copyOf(cell, cell.length + extra);
            System.arraycopy(random.bytes(extra), 0, extended, cell.length, extra);
            Reason expected = extra % 16 == 0 ? Reason.TAG_MISMATCH : Reason.MALFORMED_LENGTH;
            assertRefused(cipher, extended, expected, plaintext);
        }
    }

    @Test
    void aCopiedCiphertextBlockAppendedIsRefused() {
        // CBC decrypts an appended block without complaint; the tag must catch it.
        CellCipher cipher = new CellCipher(CellKey.derive(cek), EncryptionType.DETERMINISTIC);
        byte[] plaintext = random.bytes(20);
        byte[] cell = cipher.encrypt(plaintext);
        byte[] extended = Arrays.copyOf(cell, cell.length + 16);
        System.arraycopy(cell, 49, extended, cell.length, 16);
        assertRefused(cipher, extended, Reason.TAG_MISMATCH, plaintext);
    }

    @Test
    void everyWrongVersionByteIsRefused() {
        CellCipher cipher = new CellCipher(CellKey.derive(cek), EncryptionType.DETERMINISTIC);
        byte[] plaintext = random.bytes(8);
        byte[] cell = cipher.encrypt(plaintext);
        for (int version = 0; version < 256; version++) {
            if (version == CellCipher.VERSION) {
                continue;
            }
            byte[] other = cell.clone();
            other[0] = (byte) version;
            assertRefused(cipher, other, Reason.UNKNOWN_VERSION, plaintext);
        }
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void aCellEncryptedUnderAnotherKeyIsRefused(EncryptionType type) {
        byte[] plaintext = random.bytes(12);
        byte[] cell = new CellCipher(CellKey.derive(cek), type).encrypt(plaintext);
        byte[] otherCek = cek.clone();
        otherCek[31] ^= 1;
        assertRefused(new CellCipher(CellKey.derive(otherCek), type), cell, Reason.TAG_MISMATCH, plaintext);
    }

    /**
     * Short cells are unchained by hand and long ones by the JDK's CBC ({@link AesCbc}): both must refuse every kind
     * of wrong padding. {@code lastBytes} are the final plaintext bytes before encryption, without any padding.
     */
    @ParameterizedTest(name = "{0} blocks ending {1}")
    @CsvSource({
        "1, 00", "1, 11", "1, ff", "1, 0202020303", "1, 0310",
        "4, 00", "4, 11", "4, 0101010102",
        "5, 00", "5, 11", "5, 0101010102", "64, 00", "64, 020103",
    })
    void aCellWithAValidTagButInvalidPaddingIsRefused(int blocks, String lastBytes) throws GeneralSecurityException {
        // Only someone holding the MAC key can get here; build such a cell with independently derived keys.
        byte[] encryptionKey = derive(cek, "Microsoft SQL Server cell encryption key");
        byte[] macKey = derive(cek, "Microsoft SQL Server cell MAC key");
        byte[] badlyPadded = random.bytes(16 * blocks);
        byte[] ending = HexFormat.of().parseHex(lastBytes);
        System.arraycopy(ending, 0, badlyPadded, badlyPadded.length - ending.length, ending.length);
        byte[] iv = random.bytes(16);
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new IvParameterSpec(iv));
        byte[] ciphertext = aes.doFinal(badlyPadded);

        byte[] cell = new byte[1 + 32 + 16 + ciphertext.length];
        cell[0] = 1;
        System.arraycopy(iv, 0, cell, 33, 16);
        System.arraycopy(ciphertext, 0, cell, 49, ciphertext.length);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
        mac.update((byte) 1);
        mac.update(cell, 33, cell.length - 33);
        mac.update((byte) 1);
        System.arraycopy(mac.doFinal(), 0, cell, 1, 32);

        CellCipher cipher = new CellCipher(CellKey.derive(cek), EncryptionType.DETERMINISTIC);
        assertRefused(cipher, cell, Reason.INVALID_PADDING, badlyPadded);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 10, 16, 63, 64, 1000})
    void aCellWithAForgedValidTagDecryptsOnlyThroughTheRealKeys(int length) throws GeneralSecurityException {
        // Proves the padding test above builds cells the cipher accepts when the padding is right.
        byte[] encryptionKey = derive(cek, "Microsoft SQL Server cell encryption key");
        byte[] macKey = derive(cek, "Microsoft SQL Server cell MAC key");
        byte[] plaintext = random.bytes(length);
        byte[] iv = random.bytes(16);
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new IvParameterSpec(iv));
        byte[] ciphertext = aes.doFinal(plaintext);
        byte[] cell = new byte[49 + ciphertext.length];
        cell[0] = 1;
        System.arraycopy(iv, 0, cell, 33, 16);
        System.arraycopy(ciphertext, 0, cell, 49, ciphertext.length);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
        mac.update((byte) 1);
        mac.update(cell, 33, cell.length - 33);
        mac.update((byte) 1);
        System.arraycopy(mac.doFinal(), 0, cell, 1, 32);

        byte[] decrypted = new CellCipher(CellKey.derive(cek), EncryptionType.RANDOMIZED).decrypt(cell);
        assertEquals(HexFormat.of().formatHex(plaintext), HexFormat.of().formatHex(decrypted));
    }

    /**
     * Decrypting {@code cell} must throw with {@code expected} as the reason, and the message must carry no key or
     * plaintext bytes (nor any long hex run that could be one).
     */
    private void assertRefused(CellCipher cipher, byte[] cell, Reason expected, byte[] plaintext) {
        CellDecryptionException e = assertThrows(CellDecryptionException.class, () -> cipher.decrypt(cell),
                () -> "a " + cell.length + "-byte damaged cell was accepted, " + random);
        assertEquals(expected, e.reason(), () -> "reason for a " + cell.length + "-byte cell, " + random);
        assertNotNull(e.getMessage());
        assertFalse(e.getMessage().isBlank());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertMessageRevealsNothing(t.getMessage(), plaintext);
        }
    }

    private void assertMessageRevealsNothing(String message, byte[] plaintext) {
        if (message == null) {
            return;
        }
        assertFalse(LONG_HEX_RUN.matcher(message).find(), "message holds a long hex run");
        String lower = message.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains(HexFormat.of().formatHex(cek)), "message holds the key");
        if (plaintext.length >= 4) {
            assertFalse(lower.contains(HexFormat.of().formatHex(plaintext)), "message holds the plaintext");
            assertFalse(message.contains(new String(plaintext, StandardCharsets.ISO_8859_1)),
                    "message holds the plaintext");
        }
    }

    private static byte[] derive(byte[] rootKey, String purpose) throws GeneralSecurityException {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(rootKey, "HmacSHA256"));
        return hmac.doFinal((purpose + " with encryption algorithm:AEAD_AES_256_CBC_HMAC_SHA256 and key length:256")
                .getBytes(StandardCharsets.UTF_16LE));
    }
}
