package dev.hibernateae.azure.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;

/**
 * The keys of a {@link LocalKeyVault}: named keys with versions (the newest is the current one), each an RSA or EC
 * key pair, and the Key Vault operations on them done with plain JDK crypto. Thread-safe.
 */
final class VaultKeys {
    /** DER prefix of a SHA-256 DigestInfo: RS256 over a digest is PKCS#1 v1.5 over this prefix and the digest. */
    private static final byte[] SHA256_DIGEST_INFO = HexFormat.of().parseHex("3031300d060960864801650304020105000420");
    private static final String OAEP = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** One version of a key. */
    record StoredKey(String name, String version, KeyPair keyPair) {
        boolean isRsa() {
            return keyPair.getPublic() instanceof RSAPublicKey;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, List<StoredKey>> versionsByName = new HashMap<>();
    private final Set<String> disabled = new HashSet<>();

    synchronized StoredKey add(String name, KeyPair keyPair) {
        byte[] version = new byte[16];
        random.nextBytes(version);
        StoredKey key = new StoredKey(name, HexFormat.of().formatHex(version), keyPair);
        versionsByName.computeIfAbsent(name.toLowerCase(Locale.ENGLISH), n -> new ArrayList<>()).add(key);
        return key;
    }

    /** The named version, or the current one when {@code version} is null; null when there is none. */
    synchronized StoredKey find(String name, String version) {
        List<StoredKey> versions = versionsByName.get(name.toLowerCase(Locale.ENGLISH));
        if (versions == null) {
            return null;
        }
        if (version == null) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(k -> k.version().equalsIgnoreCase(version)).findFirst().orElse(null);
    }

    synchronized void setEnabled(String name, boolean enabled) {
        String key = name.toLowerCase(Locale.ENGLISH);
        if (enabled) {
            disabled.remove(key);
        } else {
            disabled.add(key);
        }
    }

    synchronized boolean isEnabled(String name) {
        return !disabled.contains(name.toLowerCase(Locale.ENGLISH));
    }

    static KeyPair generateRsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair generateEc() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON Web Key of the public part, as GET /keys answers it (unsigned big-endian numbers, base64url). */
    static Map<String, Object> publicJwk(StoredKey key, String kid) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kid", kid);
        if (key.keyPair().getPublic() instanceof RSAPublicKey rsa) {
            jwk.put("kty", "RSA");
            jwk.put("key_ops", List.of("encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey"));
            jwk.put("n", B64URL.encodeToString(unsigned(rsa.getModulus(), 0)));
            jwk.put("e", B64URL.encodeToString(unsigned(rsa.getPublicExponent(), 0)));
        } else {
            ECPublicKey ec = (ECPublicKey) key.keyPair().getPublic();
            jwk.put("kty", "EC");
            jwk.put("key_ops", List.of("sign", "verify"));
            jwk.put("crv", "P-256");
            jwk.put("x", B64URL.encodeToString(unsigned(ec.getW().getAffineX(), 32)));
            jwk.put("y", B64URL.encodeToString(unsigned(ec.getW().getAffineY(), 32)));
        }
        return jwk;
    }

    static byte[] wrap(StoredKey key, String algorithm, byte[] plaintext) {
        requireRsaOaep(key, algorithm);
        return rsa(key, Cipher.ENCRYPT_MODE, plaintext);
    }

    static byte[] unwrap(StoredKey key, String algorithm, byte[] ciphertext) {
        requireRsaOaep(key, algorithm);
        return rsa(key, Cipher.DECRYPT_MODE, ciphertext);
    }

    static byte[] sign(StoredKey key, String algorithm, byte[] digest) {
        requireRs256(key, algorithm, digest);
        try {
            Signature signer = Signature.getInstance("NONEwithRSA");
            signer.initSign(key.keyPair().getPrivate());
            signer.update(digestInfo(digest));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new VaultError(400, "BadParameter", "Cannot sign: " + e.getClass().getSimpleName());
        }
    }

    static boolean verify(StoredKey key, String algorithm, byte[] digest, byte[] signature) {
        requireRs256(key, algorithm, digest);
        try {
            Signature verifier = Signature.getInstance("NONEwithRSA");
            verifier.initVerify(key.keyPair().getPublic());
            verifier.update(digestInfo(digest));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] rsa(StoredKey key, int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(OAEP);
            cipher.init(mode, mode == Cipher.ENCRYPT_MODE ? key.keyPair().getPublic() : key.keyPair().getPrivate());
            return cipher.doFinal(input);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new VaultError(400, "BadParameter", "The ciphertext does not decrypt under this key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireRsaOaep(StoredKey key, String algorithm) {
        if (!key.isRsa()) {
            throw new VaultError(400, "BadParameter", "Key and algorithm are incompatible");
        }
        if (!"RSA-OAEP".equals(algorithm)) {
            throw new VaultError(400, "BadParameter", "This local vault wraps with RSA-OAEP only, not " + algorithm);
        }
    }

    private static void requireRs256(StoredKey key, String algorithm, byte[] digest) {
        if (!key.isRsa() || !"RS256".equals(algorithm)) {
            throw new VaultError(400, "BadParameter", "This local vault signs with RS256 and RSA keys only");
        }
        if (digest == null || digest.length != 32) {
            throw new VaultError(400, "BadParameter", "RS256 needs a 32-byte SHA-256 digest");
        }
    }

    private static byte[] digestInfo(byte[] digest) {
        byte[] info = Arrays.copyOf(SHA256_DIGEST_INFO, SHA256_DIGEST_INFO.length + digest.length);
        System.arraycopy(digest, 0, info, SHA256_DIGEST_INFO.length, digest.length);
        return info;
    }

    /** Big-endian bytes without the sign byte, left-padded with zeros to {@code length} when it is not 0. */
    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (length > bytes.length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            return padded;
        }
        return bytes;
    }
}
