package dev.hibernateae.benchmarks.keyring;

import dev.hibernateae.internal.crypto.CellKey;
import dev.hibernateae.internal.keys.CachingKeyRing;
import dev.hibernateae.benchmarks.support.SessionFactories;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The latency of getting a column encryption key from the key ring: cold (not cached: key rows read from the key
 * tables, master key metadata signature and value signature verified, the value unwrapped by the Key Vault
 * endpoint over HTTPS, cell keys derived) against cached (the lookup every encrypted cell makes).
 *
 * <p>{@link #coldUnwrap} keeps the provider, so its HTTPS connection and the master key's public part are reused,
 * as after a cache expiry in a running application; {@link #firstUnwrap} starts from a new provider, as the first
 * use after start-up does (TLS handshake and a key read first). {@link #endpointRoundTrip} is one bare HTTPS GET
 * to the same endpoint, for scale. The endpoint is local: a real vault adds its network round trips.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class KeyRingBenchmark {

    @State(Scope.Benchmark)
    public static class Vault {
        VaultKeyHierarchy keys;

        @Setup(Level.Trial)
        public void start() {
            SessionFactories.quietLogging();
            keys = new VaultKeyHierarchy(1);
        }

        @TearDown(Level.Trial)
        public void stop() {
            keys.close();
        }
    }

    /** A key ring emptied before every call. */
    @State(Scope.Benchmark)
    public static class ColdRing {
        CachingKeyRing ring;

        @Setup(Level.Trial)
        public void build(Vault vault) {
            ring = vault.keys.newHierarchy().keyRing();
        }

        @Setup(Level.Invocation)
        public void forget() {
            ring.invalidateAll();
        }
    }

    /** A key ring over a new provider for every call. */
    @State(Scope.Benchmark)
    public static class NewProvider {
        CachingKeyRing ring;

        @Setup(Level.Invocation)
        public void build(Vault vault) {
            ring = vault.keys.newHierarchyWithNewProvider().keyRing();
        }
    }

    /** The JDK's HTTP client, trusting the endpoint's certificate. */
    @State(Scope.Benchmark)
    public static class RawClient {
        java.net.http.HttpClient client;

        @Setup(Level.Trial)
        public void build() {
            client = java.net.http.HttpClient.newBuilder()
                    .sslContext(dev.hibernateae.azure.testing.TestCertificate.shared().clientContext()).build();
        }
    }

    /** A key ring that holds the key. */
    @State(Scope.Benchmark)
    public static class WarmRing {
        CachingKeyRing ring;

        @Setup(Level.Trial)
        public void build(Vault vault) {
            ring = vault.keys.newHierarchy().keyRing();
            ring.cellKey("cek1");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public CellKey coldUnwrap(ColdRing cold) {
        return cold.ring.cellKey("cek1");
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public CellKey firstUnwrap(NewProvider fresh) {
        return fresh.ring.cellKey("cek1");
    }

    /** Context, not the library: one HTTPS GET to the same endpoint with a bare client. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int endpointRoundTrip(Vault vault, RawClient raw) throws Exception {
        return vault.keys.readMasterKeyDirectly(raw.client);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public CellKey cachedLookup(WarmRing warm) {
        return warm.ring.cellKey("cek1");
    }
}
