package dev.hibernateae.benchmarks;

import dev.hibernateae.api.EncryptionType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cost floor: AEAD_AES_256_CBC_HMAC_SHA256 cells written straight on JCE for a benchmark, with the three
 * derived keys precomputed and one keyed {@link Mac} per key and two {@link Cipher}s reused for every cell.
 * No checks beyond the tag, no thread safety (JMH gives each thread its own), no key lifecycle: nothing a real
 * implementation could leave out costs less. Written independently of hibernate-ae's code, from the format.
 */
final class JceFloorCellCipher {
    private static final String LABEL_SUFFIX = " with encryption algorithm:AEAD_AES_256_CBC_HMAC_SHA256 and key length:256";

    private final boolean deterministic;
    private final SecretKeySpec encryptionKey;
    private final Mac tagMac;
    private final Mac ivMac;
    private final Cipher encryptCipher;
    private final Cipher decryptCipher;
    private final SecureRandom random;
    private final byte[] digest = new byte[32];
    private final byte[] iv = new byte[16];

    JceFloorCellCipher(byte[] cek, EncryptionType type) {
        try {
            deterministic = type == EncryptionType.DETERMINISTIC;
            encryptionKey = new SecretKeySpec(derive(cek, "Microsoft SQL Server cell encryption key"), "AES");
            tagMac = Mac.getInstance("HmacSHA256");
            tagMac.init(new SecretKeySpec(derive(cek, "Microsoft SQL Server cell MAC key"), "HmacSHA256"));
            ivMac = Mac.getInstance("HmacSHA256");
            ivMac.init(new SecretKeySpec(derive(cek, "Microsoft SQL Server cell IV key"), "HmacSHA256"));
            encryptCipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            decryptCipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            random = SecureRandom.getInstance("DRBG");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] encrypt(byte[] plaintext) {
        try {
            byte[] cell = new byte[49 + 16 * (plaintext.length / 16 + 1)];
            cell[0] = 1;
            if (deterministic) {
                ivMac.update(plaintext);
                ivMac.doFinal(digest, 0);
                System.arraycopy(digest, 0, cell, 33, 16);
            } else {
                random.nextBytes(iv);
                System.arraycopy(iv, 0, cell, 33, 16);
            }
            encryptCipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new IvParameterSpec(cell, 33, 16));
            encryptCipher.doFinal(plaintext, 0, plaintext.length, cell, 49);
            tagMac.update((byte) 1);
            tagMac.update(cell, 33, cell.length - 33);
            tagMac.update((byte) 1);
            tagMac.doFinal(cell, 1);
            return cell;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] decrypt(byte[] cell) {
        try {
            if (cell.length < 65 || (cell.length - 49) % 16 != 0 || cell[0] != 1) {
                throw new IllegalArgumentException("not a cell");
            }
            tagMac.update((byte) 1);
            tagMac.update(cell, 33, cell.length - 33);
            tagMac.update((byte) 1);
            tagMac.doFinal(digest, 0);
            int diff = 0;
            for (int i = 0; i < 32; i++) {
                diff |= digest[i] ^ cell[1 + i];
            }
            if (diff != 0) {
                throw new IllegalArgumentException("tag mismatch");
            }
            decryptCipher.init(Cipher.DECRYPT_MODE, encryptionKey, new IvParameterSpec(cell, 33, 16));
            return decryptCipher.doFinal(cell, 49, cell.length - 49);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(byte[] cek, String purpose) throws GeneralSecurityException {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(cek, "HmacSHA256"));
        return hmac.doFinal((purpose + LABEL_SUFFIX).getBytes(StandardCharsets.UTF_16LE));
    }
}
