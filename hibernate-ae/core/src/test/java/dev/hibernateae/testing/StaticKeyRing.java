package dev.hibernateae.testing;

import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.internal.crypto.ColumnKey;
import dev.hibernateae.internal.keys.KeyRing;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A key ring over fixed, in-memory keys, for tests that exercise Hibernate rather than the key hierarchy. */
public final class StaticKeyRing implements KeyRing {
    private final Map<String, ColumnKey> keys = new ConcurrentHashMap<>();
    private final Set<String> unavailable = ConcurrentHashMap.newKeySet();

    public static StaticKeyRing withRandomKeys(String... names) {
        StaticKeyRing ring = new StaticKeyRing();
        SecureRandom random = new SecureRandom();
        for (String name : names) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            ring.put(name, key);
        }
        return ring;
    }

    public StaticKeyRing put(String name, byte[] rootKey) {
        keys.put(name, ColumnKey.derive(rootKey));
        return this;
    }

    /** Makes a key behave as if its master key were absent here. */
    public void makeUnavailable(String name) {
        unavailable.add(name);
    }

    public void makeAvailable(String name) {
        unavailable.remove(name);
    }

    @Override
    public ColumnKey columnKey(String name) {
        if (unavailable.contains(name)) {
            throw new ColumnEncryptionKeyException("Column encryption key '" + name + "' cannot be unwrapped here "
                    + "(test: master key unavailable)");
        }
        ColumnKey key = keys.get(name);
        if (key == null) {
            throw new ColumnEncryptionKeyException("Column encryption key '" + name + "' does not exist");
        }
        return key;
    }
}
