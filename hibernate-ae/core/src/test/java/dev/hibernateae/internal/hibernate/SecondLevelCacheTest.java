package dev.hibernateae.internal.hibernate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.hibernate.model.CachedPatient;
import dev.hibernateae.internal.lifecycle.ColumnTransition;
import dev.hibernateae.internal.lifecycle.LifecycleTestSupport;
import dev.hibernateae.testing.Bytes;
import dev.hibernateae.testing.StaticKeyRing;
import dev.hibernateae.testing.TestDatabase;
import dev.hibernateae.testing.TestSessionFactories;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** The second-level cache holds ciphertext for encrypted attributes, and decrypts on a cache hit. */
class SecondLevelCacheTest {
    private static final String SSN = "ZQX-SECRET-1";
    private static final String DIAGNOSIS = "QQJ-DIAGNOSIS-7";
    private static final String PHONE = "555-QQW-PHONE";
    private static final String PLAIN = "PlainCacheControl";

    @Test
    void cacheRegionsHoldNoPlaintextOfEncryptedAttributes() throws IOException {
        CacheManager cacheManager = cacheManager();
        Map<String, Object> settings = cacheSettings(cacheManager);
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, StaticKeyRing.withRandomKeys("cek1"), settings,
                        CachedPatient.class)) {
            sf.inTransaction(s -> {
                CachedPatient p = new CachedPatient();
                p.id = 1L;
                p.ssn = SSN;
                p.diagnosis = DIAGNOSIS;
                p.lastName = PLAIN;
                p.phones.add(PHONE);
                s.persist(p);
            });
            sf.getCache().evictAllRegions();
            sf.inTransaction(s -> s.find(CachedPatient.class, 1L));   // loads from the database, fills the cache
            long hitsBefore = sf.getStatistics().getSecondLevelCacheHitCount();
            CachedPatient fromCache = sf.fromTransaction(s -> s.find(CachedPatient.class, 1L));
            assertTrue(sf.getStatistics().getSecondLevelCacheHitCount() > hitsBefore, "second read is a cache hit");
            assertEquals(SSN, fromCache.ssn);
            assertEquals(DIAGNOSIS, fromCache.diagnosis);
            assertEquals(Set.of(PHONE), fromCache.phones);

            byte[] everything = serializedCacheContents(cacheManager);
            assertTrue(contains(everything, PLAIN), "control: the plain attribute is visible in the cache dump");
            for (String secret : new String[] {SSN, DIAGNOSIS, PHONE}) {
                assertFalse(contains(everything, secret), "no plaintext of an encrypted attribute in the cache");
            }
        } finally {
            cacheManager.close();
        }
    }

    @Test
    void whileAColumnIsDecryptedBackTheDatabaseGetsPlaintextButTheCacheStillHoldsCells() throws IOException {
        CacheManager cacheManager = cacheManager();
        StaticKeyRing keys = StaticKeyRing.withRandomKeys("cek1");
        Map<String, Object> settings = cacheSettings(cacheManager);
        settings.put(EncryptionSettings.LIFECYCLE_POLL_INTERVAL, "PT1H");
        settings.put(EncryptionSettings.LIFECYCLE_DECRYPTING_COLUMNS, "CachedPatient.ssn");
        try (TestDatabase.Instance db = TestDatabase.H2.create();
                SessionFactory sf = TestSessionFactories.build(db, keys, settings, CachedPatient.class)) {
            LifecycleTestSupport.transition(keys, db, "CachedPatient", "ssn", ColumnTransition.Direction.DECRYPT,
                    "cek1", EncryptionType.DETERMINISTIC, ColumnTransition.Phase.RUNNING);
            LifecycleTestSupport.poll(sf);
            sf.inTransaction(s -> {
                CachedPatient p = new CachedPatient();
                p.id = 2L;
                p.ssn = SSN;
                p.diagnosis = DIAGNOSIS;
                p.lastName = PLAIN;
                s.persist(p);
            });
            assertArrayEquals(SSN.getBytes(StandardCharsets.UTF_8),
                    LifecycleTestSupport.stored(db, "CachedPatient", "ssn", "id = ?", 2L),
                    "the configured decryption back writes the column's plaintext");
            sf.getCache().evictAllRegions();
            sf.inTransaction(s -> s.find(CachedPatient.class, 2L));
            long hitsBefore = sf.getStatistics().getSecondLevelCacheHitCount();
            assertEquals(SSN, sf.fromTransaction(s -> s.find(CachedPatient.class, 2L)).ssn);
            assertTrue(sf.getStatistics().getSecondLevelCacheHitCount() > hitsBefore, "second read is a cache hit");

            byte[] everything = serializedCacheContents(cacheManager);
            assertTrue(contains(everything, PLAIN), "control: the plain attribute is visible in the cache dump");
            assertFalse(contains(everything, SSN), "the cache holds a cell of the value, not the plaintext");
            assertFalse(contains(everything, DIAGNOSIS));
        } finally {
            cacheManager.close();
        }
    }

    private CacheManager cacheManager() {
        return Caching.getCachingProvider("com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider")
                .getCacheManager(URI.create("hibernate-ae-test-" + System.nanoTime()), getClass().getClassLoader());
    }

    /** A second-level cache in {@code cacheManager} for every cacheable entity, and statistics to count hits. */
    private static Map<String, Object> cacheSettings(CacheManager cacheManager) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.cache.use_second_level_cache", "true");
        settings.put("hibernate.cache.region.factory_class", "jcache");
        settings.put("hibernate.javax.cache.cache_manager", cacheManager);
        settings.put("hibernate.javax.cache.missing_cache_strategy", "create");
        settings.put("hibernate.generate_statistics", "true");
        return settings;
    }

    private static byte[] serializedCacheContents(CacheManager cacheManager) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (String name : cacheManager.getCacheNames()) {
                Cache<Object, Object> cache = cacheManager.getCache(name);
                for (Cache.Entry<Object, Object> entry : cache) {
                    out.writeObject(entry.getKey());
                    out.writeObject(entry.getValue());
                }
            }
        }
        return bytes.toByteArray();
    }

    private static boolean contains(byte[] haystack, String secret) {
        return Bytes.contains(haystack, secret.getBytes(StandardCharsets.UTF_8))
                || Bytes.contains(haystack, secret.getBytes(StandardCharsets.UTF_16LE))
                || Bytes.contains(haystack, secret.getBytes(StandardCharsets.UTF_16BE));
    }
}
