package dev.hibernateae.spring.actuate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.api.ColumnEncryptionKeyException;
import dev.hibernateae.api.EncryptedValues;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.keys.KeyTables;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import dev.hibernateae.spi.KeyRingListener;
import dev.hibernateae.spring.HibernateAeAutoConfiguration;
import dev.hibernateae.spring.JpaAutoConfigurations;
import dev.hibernateae.spring.ScanEntities;
import dev.hibernateae.spring.actuate.accounts.Account;
import dev.hibernateae.testing.keys.TestRsaProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code hibernateAe} health indicator and the {@code hibernate_ae.*} meters over a real EntityManagerFactory:
 * keys created in the key tables before the application starts, a test key store whose master keys can be taken away.
 */
class HibernateAeActuatorTest {
    static final String PATH = "keys/accounts";
    static final String IBAN_PATH = "keys/iban";

    @Configuration(proxyBeanMethods = false)
    @ScanEntities(Account.class)
    static class AccountsApplication {
    }

    private final TestRsaProvider keyStore = new TestRsaProvider(TestRsaProvider.NAME, PATH, IBAN_PATH);
    private final String url = "jdbc:h2:mem:actuator-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(JpaAutoConfigurations.jpa(HibernateAeAutoConfiguration.class))
            .withUserConfiguration(AccountsApplication.class)
            .withBean(ColumnMasterKeyProvider.class, () -> keyStore)
            .withPropertyValues("spring.datasource.url=" + url, "spring.jpa.hibernate.ddl-auto=create-drop",
                    "hibernate-ae.trusted-master-key-paths=" + PATH + "," + IBAN_PATH,
                    "hibernate-ae.lifecycle.poll-interval=1h");

    @Test
    void upWithEveryKeyCachedItsMasterKeyAndProviderAndNoKeyBytes() {
        provision();
        runner.run(context -> {
            assertNull(context.getStartupFailure());
            HealthProbe health = HealthProbe.of(context);
            assertEquals("UP", health.status());
            Map<?, ?> keys = (Map<?, ?>) health.details().get("keys");
            assertEquals(List.of("cek_accounts", "cek_iban"), List.copyOf(keys.keySet()));
            Map<?, ?> accounts = (Map<?, ?>) keys.get("cek_accounts");
            assertEquals("cached", accounts.get("state"));
            assertEquals("cmk_accounts", accounts.get("masterKey"));
            assertEquals(TestRsaProvider.NAME, accounts.get("provider"));
            assertNotNull(accounts.get("expiresIn"));
            assertEquals("PT2H", health.details().get("keyCacheTtl"));
            assertFalse(health.details().containsKey("lastFailure"));
            for (byte[] key : keyStore.returnedKeys()) {
                assertFalse(health.toString().contains(java.util.HexFormat.of().formatHex(key)), "key bytes");
            }
        });
    }

    /** An application meant to run without one master key starts; the key that cannot be used makes it DOWN. */
    @Test
    void downWhileAKeysLastLoadFailedUpAgainOnceItLoads() {
        provision();
        keyStore.unavailable(IBAN_PATH, true);
        runner.withPropertyValues("hibernate-ae.unreadable-attributes=null").run(context -> {
            assertNull(context.getStartupFailure());
            HealthProbe down = HealthProbe.of(context);
            assertEquals("DOWN", down.status());
            Map<?, ?> keys = (Map<?, ?>) down.details().get("keys");
            Map<?, ?> iban = (Map<?, ?>) keys.get("cek_iban");
            assertEquals("failing", iban.get("state"));
            assertEquals(dev.hibernateae.api.ColumnMasterKeyException.class.getName(), iban.get("error"));
            assertTrue(String.valueOf(iban.get("message")).contains("cek_iban"), iban.toString());
            assertEquals("cached", ((Map<?, ?>) keys.get("cek_accounts")).get("state"));

            keyStore.unavailable(IBAN_PATH, false);
            EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
            assertNotNull(EncryptedValues.encrypt(emf, Account.class, "iban", "DE89370400440532013000"));
            HealthProbe up = HealthProbe.of(context);
            assertEquals("UP", up.status());
            assertEquals("cek_iban", ((Map<?, ?>) up.details().get("lastFailure")).get("key"));
        });
    }

    @Test
    void metersCountTheStartupUnwrapsCacheHitsAndKeyStoreFailures() {
        provision();
        keyStore.unavailable(IBAN_PATH, true);
        runner.withPropertyValues("hibernate-ae.unreadable-attributes=null").run(context -> {
            assertNull(context.getStartupFailure());
            KeyRingMeters meters = context.getBean(KeyRingMeters.class);
            MeterRegistry registry = new SimpleMeterRegistry();
            meters.bindTo(registry); // after startup, as Spring Boot's metrics support does

            assertEquals(1.0, registry.get(KeyRingMeters.UNWRAPS).tags("key", "cek_accounts", "provider",
                    TestRsaProvider.NAME).functionCounter().count());
            assertTrue(registry.get(KeyRingMeters.KEYSTORE_FAILURES).tags("key", "cek_iban", "provider",
                    TestRsaProvider.NAME, "exception", "ColumnMasterKeyException").functionCounter().count() >= 1);
            Timer success = registry.get(KeyRingMeters.KEYSTORE_LATENCY).tags("provider", TestRsaProvider.NAME,
                    "outcome", "success").timer();
            assertEquals(1, success.count(), "the startup unwrap, timed before the registry existed");
            assertTrue(registry.get(KeyRingMeters.KEYSTORE_LATENCY).tags("outcome", "failure").timer().count() >= 1);

            EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
            EncryptedValues.encrypt(emf, Account.class, "number", "NL91ABNA0417164300");
            EncryptedValues.encrypt(emf, Account.class, "number", "NL91ABNA0417164300");
            assertTrue(registry.get(KeyRingMeters.CACHE_HITS).tags("key", "cek_accounts").functionCounter()
                    .count() >= 2);
            assertTrue(registry.get(KeyRingMeters.CACHE_MISSES).tags("key", "cek_accounts").functionCounter()
                    .count() >= 1);
            assertEquals(1.0, registry.get(KeyRingMeters.UNWRAPS).tags("key", "cek_accounts").functionCounter()
                    .count(), "served from the cache: no second unwrap");
        });
    }

    @Test
    void aMissingKeyStopsStartupNamingTheAttributeAndTheKey() {
        provision("cek_accounts");
        runner.run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure, "the application must not start");
            String message = causeOf(failure, ColumnEncryptionKeyException.class).getMessage();
            assertTrue(message.contains("Key 'cek_iban' of Account.iban"), message);
        });
        runner.withPropertyValues("hibernate-ae.startup-check=false")
                .run(context -> assertNull(context.getStartupFailure(), "the check can be turned off"));
    }

    @Test
    void keyRingListenerBeansHearTheKeyRing() {
        provision();
        List<String> unwrapped = new java.util.concurrent.CopyOnWriteArrayList<>();
        KeyRingListener listener = new KeyRingListener() {
            @Override
            public void keyUnwrapped(String keyName, String providerName, java.time.Duration duration) {
                unwrapped.add(keyName);
            }
        };
        runner.withBean(KeyRingListener.class, () -> listener).run(context -> {
            assertNull(context.getStartupFailure());
            assertEquals(List.of("cek_accounts", "cek_iban"), unwrapped);
        });
    }

    @Test
    void bothCanBeTurnedOff() {
        provision();
        runner.withPropertyValues("hibernate-ae.health.enabled=false", "hibernate-ae.metrics.enabled=false")
                .run(context -> {
                    assertFalse(context.containsBean("hibernateAeHealthIndicator"));
                    assertTrue(context.getBeansOfType(KeyRingMeters.class).isEmpty());
                });
        runner.withPropertyValues("management.health.hibernate-ae.enabled=false")
                .run(context -> assertFalse(context.containsBean("hibernateAeHealthIndicator")));
    }

    @Test
    void neitherWithoutItsLibrary() {
        provision();
        runner.withClassLoader(new FilteredClassLoader(HealthProbe.INDICATOR_TYPE, MeterRegistry.class)).run(context -> {
            assertNull(context.getStartupFailure());
            assertFalse(context.containsBean("hibernateAeHealthIndicator"));
            assertFalse(context.containsBean("hibernateAeKeyRingMeters"));
        });
    }

    /** The key tables, and master keys at {@link #PATH} and {@link #IBAN_PATH} wrapping the named keys. */
    private void provision(String... only) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa"); // as Spring Boot connects to an embedded database
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : KeyTables.createStatements(KeyTables.Database.H2)) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        ColumnKeyAdministration admin = ColumnKeyAdministration.builder().dataSource(dataSource)
                .settings(Map.of(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, PATH + "," + IBAN_PATH))
                .provider(keyStore).build();
        admin.createColumnMasterKey("cmk_accounts", TestRsaProvider.NAME, PATH, false);
        admin.createColumnMasterKey("cmk_iban", TestRsaProvider.NAME, IBAN_PATH, false);
        List<String> keys = only.length > 0 ? List.of(only) : List.of("cek_accounts", "cek_iban");
        if (keys.contains("cek_accounts")) {
            admin.createColumnEncryptionKey("cek_accounts", "cmk_accounts");
        }
        if (keys.contains("cek_iban")) {
            admin.createColumnEncryptionKey("cek_iban", "cmk_iban");
        }
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + e, e);
    }
}
