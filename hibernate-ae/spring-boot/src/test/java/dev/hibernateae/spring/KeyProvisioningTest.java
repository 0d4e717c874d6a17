package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hibernateae.admin.ColumnEncryptionKeyInfo;
import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeyInfo;
import dev.hibernateae.admin.KeyMismatchException;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import dev.hibernateae.spring.app.Patient;
import dev.hibernateae.testing.keys.TestRsaProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code hibernate-ae.provisioning.*} through a real entity manager factory on H2: off by default; when on, the keys
 * exist before any bean receives the factory, a restart creates nothing, and a key that differs from the
 * configuration stops startup. The master key is a provider bean's.
 */
class KeyProvisioningTest {
    private static final String[] KEYS = {
        "hibernate-ae.provisioning.column-master-keys[0].name=cmk_dev",
        "hibernate-ae.provisioning.column-master-keys[0].provider=BEAN_PROVIDER",
        "hibernate-ae.provisioning.column-master-keys[0].key-path=dev-key",
        "hibernate-ae.provisioning.column-encryption-keys[0].name=cek_keystore",
        "hibernate-ae.provisioning.column-encryption-keys[0].column-master-key=cmk_dev",
        "hibernate-ae.provisioning.column-encryption-keys[1].name=cek_vault",
        "hibernate-ae.provisioning.column-encryption-keys[1].column-master-key=cmk_dev"};

    @Configuration(proxyBeanMethods = false)
    @ScanEntities(Patient.class)
    static class Entities {
    }

    /** A bean that writes an encrypted entity while the context starts, so it needs the keys as it gets the factory. */
    @Configuration(proxyBeanMethods = false)
    static class WritesWhileStarting {
        @Bean
        InitializingBean firstPatient(EntityManagerFactory factory) {
            return () -> {
                EntityManager em = factory.createEntityManager();
                try {
                    em.getTransaction().begin();
                    em.persist(new Patient("795-73-9838", LocalDate.of(1815, 12, 10), 1001, "Ada", "Lovelace"));
                    em.getTransaction().commit();
                } finally {
                    em.close();
                }
            };
        }
    }

    private final String database = "provisioning_" + UUID.randomUUID().toString().replace("-", "");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Logger logger;
    private Level savedLevel;

    @BeforeEach
    void captureLog() {
        logger = (Logger) LoggerFactory.getLogger(KeyProvisioning.class);
        savedLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
        logger.setLevel(savedLevel);
    }

    private ApplicationContextRunner application() {
        TestRsaProvider provider = new TestRsaProvider("BEAN_PROVIDER", "dev-key", "other-key");
        return new ApplicationContextRunner()
                .withConfiguration(JpaAutoConfigurations.jpa(HibernateAeAutoConfiguration.class))
                .withUserConfiguration(Entities.class)
                .withBean(ColumnMasterKeyProvider.class, () -> provider)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                        "spring.jpa.hibernate.ddl-auto=update",
                        "hibernate-ae.trusted-master-key-paths=dev-key,other-key");
    }

    @Test
    void listedKeysAreNotProvisionedUnlessEnabled() {
        application().withPropertyValues(KEYS).run(context -> {
            assertNull(context.getStartupFailure());
            assertFalse(context.containsBean("hibernateAeKeyProvisioning"));
            assertEquals(List.of(), admin(context).listColumnMasterKeys());
            assertEquals(List.of(), admin(context).listColumnEncryptionKeys());
        });
    }

    @Test
    void theKeysExistBeforeAnyBeanReceivesTheEntityManagerFactory() {
        application().withUserConfiguration(WritesWhileStarting.class)
                .withPropertyValues("hibernate-ae.provisioning.enabled=true").withPropertyValues(KEYS)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    ColumnKeyAdministration admin = admin(context);
                    assertEquals(List.of("cmk_dev"),
                            admin.listColumnMasterKeys().stream().map(ColumnMasterKeyInfo::name).toList());
                    assertEquals(List.of("cek_keystore", "cek_vault"),
                            admin.listColumnEncryptionKeys().stream().map(ColumnEncryptionKeyInfo::name).toList());
                    assertEquals("795-73-9838", patientSsn(context));
                });
        List<String> created = messages(Level.INFO);
        assertEquals(3, created.size(), created.toString());
        assertTrue(created.get(0).startsWith("hibernate-ae provisioning created column master key 'cmk_dev' "),
                created.toString());
        assertTrue(created.get(1).startsWith("hibernate-ae provisioning created column encryption key 'cek_keystore' "),
                created.toString());
        assertTrue(created.get(2).startsWith("hibernate-ae provisioning created column encryption key 'cek_vault' "),
                created.toString());
        assertTrue(created.stream().noneMatch(message -> message.contains("dev-key")), "names only: " + created);
    }

    @Test
    void aRestartFindsTheKeysAndCreatesNothing() {
        AtomicReference<List<ColumnEncryptionKeyInfo>> first = new AtomicReference<>();
        application().withUserConfiguration(WritesWhileStarting.class)
                .withPropertyValues("hibernate-ae.provisioning.enabled=true").withPropertyValues(KEYS)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    first.set(encryptionKeys(context));
                });
        log.list.clear();

        application().withPropertyValues("hibernate-ae.provisioning.enabled=true").withPropertyValues(KEYS)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(first.get(), encryptionKeys(context));
                    assertEquals("795-73-9838", patientSsn(context), "written under the same key");
                });
        assertEquals(List.of(), messages(Level.INFO));
        assertEquals(3, messages(Level.DEBUG).size(), messages(Level.DEBUG).toString());
    }

    @Test
    void aKeyThatDiffersFromTheConfigurationStopsStartup() {
        application().withPropertyValues("hibernate-ae.provisioning.enabled=true").withPropertyValues(KEYS)
                .run(context -> assertNull(context.getStartupFailure()));

        application().withPropertyValues("hibernate-ae.provisioning.enabled=true").withPropertyValues(KEYS)
                .withPropertyValues("hibernate-ae.provisioning.column-master-keys[0].key-path=other-key")
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    assertNotNull(failure);
                    KeyMismatchException mismatch = cause(failure, KeyMismatchException.class);
                    assertEquals("cmk_dev", mismatch.keyName());
                    assertEquals(List.of(KeyMismatchException.KEY_PATH), mismatch.fields());
                    Throwable named = provisioningFailure(failure);
                    assertTrue(named.getMessage().startsWith("hibernate-ae.provisioning.column-master-keys[0]: "
                            + "Column master key 'cmk_dev' exists, but not as asked: it has key path 'dev-key' "
                            + "(asked: 'other-key')"), named.getMessage());
                });
    }

    @Test
    void anIncompleteEntryStopsStartupNamingItsProperty() {
        application().withPropertyValues("hibernate-ae.provisioning.enabled=true",
                "hibernate-ae.provisioning.column-master-keys[0].name=cmk_dev").run(context -> {
                    Throwable failure = provisioningFailure(context.getStartupFailure());
                    assertTrue(failure.getMessage().startsWith("hibernate-ae.provisioning.column-master-keys[0]"
                            + ".key-path is not set"), failure.getMessage());
                });
    }

    private List<String> messages(Level level) {
        return log.list.stream().filter(event -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static ColumnKeyAdministration admin(AssertableApplicationContext context) {
        return ColumnKeyAdministration.builder()
                .sessionFactory(context.getBean(EntityManagerFactory.class).unwrap(SessionFactory.class)).build();
    }

    private static List<ColumnEncryptionKeyInfo> encryptionKeys(AssertableApplicationContext context) {
        return admin(context).listColumnEncryptionKeys();
    }

    private static String patientSsn(AssertableApplicationContext context) {
        EntityManager em = context.getBean(EntityManagerFactory.class).createEntityManager();
        try {
            return em.createQuery("select p.ssn from Patient p where p.mrn = :mrn", String.class)
                    .setParameter("mrn", 1001).getSingleResult();
        } finally {
            em.close();
        }
    }

    /** The failure that names the property entry, among the causes Spring wrapped it in. */
    private static Throwable provisioningFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage().startsWith("hibernate-ae.provisioning.")) {
                return t;
            }
        }
        throw new AssertionError("no failure naming a hibernate-ae.provisioning property among the causes of "
                + failure, failure);
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " among the causes of " + failure, failure);
    }
}
