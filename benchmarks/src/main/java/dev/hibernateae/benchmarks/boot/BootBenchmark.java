package dev.hibernateae.benchmarks.boot;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.benchmarks.support.Alternation;
import dev.hibernateae.benchmarks.support.SessionFactories;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Session factory boot with 50 encrypted attributes ({@link WideEncryptedModel}) against the same model in plaintext
 * ({@link WidePlainModel}): registry, metadata, session factory, close. No schema action and no JDBC metadata access.
 * The encrypted twin opens one connection at boot, as every application with encrypted attributes does (it reads the
 * key lifecycle tables and registers its columns): here that connection creates the fresh in-memory database, which
 * the plaintext twin never opens, and finds no key tables (each attempt logs a warning, silenced here); no key is
 * unwrapped at boot.
 *
 * <p>{@link #warm} times repeated boots in a warmed JVM (the extra work per attribute); {@link #cold} times the first
 * boot of a fresh JVM, class loading and all, which is what an application's start-up sees (run it with many forks).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BootBenchmark {
    /** {@code PLAINTEXT}, {@code ENCRYPTED}, or {@code ALTERNATING} between them per iteration. */
    @Param({"PLAINTEXT", "ENCRYPTED"})
    public String model;

    @Param("1")
    public long orderSeed;

    private int iteration;
    private List<Class<?>> entities;

    @Setup(Level.Iteration)
    public void chooseTwin() {
        boolean encrypted = Alternation.encrypted(model, orderSeed, iteration++);
        entities = encrypted ? WideEncryptedModel.ENTITIES : WidePlainModel.ENTITIES;
    }

    /**
     * Fails the run when booted and closed factories leave hibernate-ae threads behind: a leaked lifecycle watcher
     * keeps its whole session factory reachable, and the warm figures would then time a filling heap (as they once
     * did, with 917 watchers and a full heap).
     */
    @TearDown(Level.Iteration)
    public void noThreadOutlivesItsFactory() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long left;
        while ((left = LeftThreads.count()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (left > 0) {
            throw new IllegalStateException(left + " hibernate-ae thread(s) still run after their session factories "
                    + "closed: boot figures would time a leak");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 6, time = 2)
    @Measurement(iterations = 10, time = 2)
    public int warm() {
        return boot(entities);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 10, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public int cold() {
        return boot(entities);
    }

    static int boot(List<Class<?>> entities) {
        SessionFactories.quietLogging();
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.connection.url", "jdbc:h2:mem:boot_" + UUID.randomUUID().toString().replace("-", ""));
        settings.put("hibernate.connection.username", "sa");
        settings.put("hibernate.connection.password", "");
        settings.put("hibernate.dialect", "org.hibernate.dialect.H2Dialect");
        settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        settings.put("hibernate.hbm2ddl.auto", "none");
        settings.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, "cmk1");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        MetadataSources sources = new MetadataSources(registry);
        entities.forEach(sources::addAnnotatedClass);
        try (SessionFactory sessionFactory = sources.buildMetadata().buildSessionFactory()) {
            return sessionFactory.getMetamodel().getEntities().size();
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
