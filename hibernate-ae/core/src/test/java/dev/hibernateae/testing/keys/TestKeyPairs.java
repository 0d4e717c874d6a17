package dev.hibernateae.testing.keys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** RSA-2048 key pairs generated in the test JVM, one per label, reused across tests (generation is slow). */
public final class TestKeyPairs {
    private static final Map<String, KeyPair> PAIRS = new ConcurrentHashMap<>();

    private TestKeyPairs() {
    }

    public static KeyPair forLabel(String label) {
        return PAIRS.computeIfAbsent(label.toLowerCase(Locale.ENGLISH), l -> generate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
