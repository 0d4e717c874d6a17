package dev.hibernateae.benchmarks.entities;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Peer: the AES-GCM converters an application writes when it encrypts attributes by hand, as such converters usually
 * look: a new {@code Cipher} per value, a random 12-byte IV from a shared {@code SecureRandom}, a 128-bit tag, the IV
 * and the ciphertext stored together as Base64 text, and a fixed 256-bit key held by the converter. Every value gets a
 * new IV, so the same value never encrypts the same way twice and an equality query cannot find a row (that would
 * take a blind index: a keyed hash in another column).
 */
final class AesGcmConverters {
    private static final SecretKeySpec KEY = new SecretKeySpec(
            HexFormat.of().parseHex("4f1c9a7e22d05b8836e1f7a04c9d12b35e6a0f8c71d4b29e03a5c8f6172e9d40"), "AES");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private AesGcmConverters() {
    }

    static String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, KEY, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    static String decrypt(String stored) {
        try {
            byte[] bytes = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, KEY, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** Encrypts a string attribute. */
    @Converter
    public static final class Text implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String attribute) {
            return attribute == null ? null : encrypt(attribute);
        }

        @Override
        public String convertToEntityAttribute(String column) {
            return column == null ? null : decrypt(column);
        }
    }

    /** Encrypts a date attribute through its ISO-8601 text. */
    @Converter
    public static final class Date implements AttributeConverter<LocalDate, String> {
        @Override
        public String convertToDatabaseColumn(LocalDate attribute) {
            return attribute == null ? null : encrypt(attribute.toString());
        }

        @Override
        public LocalDate convertToEntityAttribute(String column) {
            return column == null ? null : LocalDate.parse(decrypt(column));
        }
    }
}
