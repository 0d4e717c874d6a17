package dev.hibernateae.testing.keys;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.spi.RsaColumnMasterKeyProvider;
import dev.hibernateae.spi.RsaMasterKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only key store: RSA key pairs generated in the test, one per key path, with switches a test needs: count
 * the unwraps, take the whole store or one path down, and hold unwraps of a path at a gate.
 */
public class TestRsaProvider extends RsaColumnMasterKeyProvider {
    public static final String NAME = "TEST_RSA";

    private final String name;
    private final Set<String> paths = ConcurrentHashMap.newKeySet();
    private final Set<String> unavailablePaths = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> unwraps = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> accesses = new ConcurrentHashMap<>();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();
    private final List<byte[]> returnedKeys = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public TestRsaProvider(String name, String... keyPaths) {
        this.name = name;
        for (String path : keyPaths) {
            paths.add(normalize(path));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected RsaMasterKey masterKey(String masterKeyPath) {
        String path = normalize(masterKeyPath);
        accesses.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (down) {
            throw new ColumnMasterKeyException("Test key store " + name + " is unreachable (asked for key path '"
                    + masterKeyPath + "')");
        }
        if (unavailablePaths.contains(path) || !paths.contains(path)) {
            throw new ColumnMasterKeyException("Test key store " + name + " has no key at path '" + masterKeyPath
                    + "'");
        }
        return new JceRsaMasterKey(TestKeyPairs.forLabel(path));
    }

    @Override
    public byte[] unwrapColumnEncryptionKey(String masterKeyPath, String algorithm, byte[] encrypted) {
        String path = normalize(masterKeyPath);
        unwraps.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Gate gate = gates.get(path);
        if (gate != null) {
            gate.pass();
        }
        byte[] key = super.unwrapColumnEncryptionKey(masterKeyPath, algorithm, encrypted);
        returnedKeys.add(key);
        return key;
    }

    /** Unwraps asked of {@code path}, whether or not they succeeded. */
    public int unwraps(String path) {
        AtomicInteger count = unwraps.get(normalize(path));
        return count == null ? 0 : count.get();
    }

    /** Every request that reached the key at {@code path}: unwraps, wraps, signatures and their checks. */
    public int accesses(String path) {
        AtomicInteger count = accesses.get(normalize(path));
        return count == null ? 0 : count.get() + unwraps(path);
    }

    public int unwraps() {
        return unwraps.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Every key array this provider handed out, to check that the caller zeroed it. */
    public List<byte[]> returnedKeys() {
        return returnedKeys;
    }

    public void down(boolean down) {
        this.down = down;
    }

    public void unavailable(String path, boolean unavailable) {
        if (unavailable) {
            unavailablePaths.add(normalize(path));
        } else {
            unavailablePaths.remove(normalize(path));
        }
    }

    /** From now on, unwraps of {@code path} announce themselves and wait until the gate opens. */
    public Gate gate(String path) {
        Gate gate = new Gate();
        gates.put(normalize(path), gate);
        return gate;
    }

    private static String normalize(String path) {
        return path.toLowerCase(Locale.ENGLISH);
    }

    /** Holds unwraps until opened; counts the unwraps that reached it. */
    public static final class Gate {
        private final CountDownLatch open = new CountDownLatch(1);
        private final CountDownLatch firstArrival = new CountDownLatch(1);
        private final AtomicInteger arrivals = new AtomicInteger();

        void pass() {
            arrivals.incrementAndGet();
            firstArrival.countDown();
            try {
                if (!open.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public void awaitFirstArrival() throws InterruptedException {
            if (!firstArrival.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("no unwrap reached the gate");
            }
        }

        public int arrivals() {
            return arrivals.get();
        }

        public void open() {
            open.countDown();
        }
    }
}
