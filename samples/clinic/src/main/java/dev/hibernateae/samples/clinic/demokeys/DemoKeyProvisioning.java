package dev.hibernateae.samples.clinic.demokeys;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeyInfo;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.keystore.JavaKeyStoreProvider;
import dev.hibernateae.samples.clinic.ClinicKeys;
import dev.hibernateae.spring.HibernateAeProperties;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY: on first run, creates the demo keystore ({@link DemoKeystore}), then the column master key's metadata
 * and the column encryption key in the key tables, unless they exist. Runs once the entity manager factory (and so
 * the key tables) exists, before the application serves anything.
 *
 * <p>In production keys are created once by an administrator with {@link ColumnKeyAdministration} or the
 * command-line tool, the keystore password comes from {@code hibernate-ae.keystore.password-env} or
 * {@code password-file}, and this class does not exist. Turned off with {@code clinic.demo-keys.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty("clinic.demo-keys.enabled")
public class DemoKeyProvisioning implements InitializingBean {
    private static final Logger LOG = LoggerFactory.getLogger(DemoKeyProvisioning.class);

    private final EntityManagerFactory entityManagerFactory;
    private final HibernateAeProperties properties;
    private volatile boolean keystoreCreated;
    private volatile boolean keysCreated;

    public DemoKeyProvisioning(EntityManagerFactory entityManagerFactory, HibernateAeProperties properties) {
        this.entityManagerFactory = entityManagerFactory;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        Path keystore = properties.getKeystore().getLocation();
        String password = properties.getKeystore().getPassword();
        if (keystore == null || password == null) {
            throw new IllegalStateException("The demo keys need hibernate-ae.keystore.location and "
                    + "hibernate-ae.keystore.password (see application.properties)");
        }
        keystoreCreated = DemoKeystore.createIfAbsent(keystore, ClinicKeys.KEYSTORE_ALIAS, password);
        if (keystoreCreated) {
            LOG.warn("DEMO ONLY: created column master key keystore {} with a password from application.properties; "
                    + "never use it for real data", keystore.toAbsolutePath());
        }
        ColumnKeyAdministration admin = ColumnKeyAdministration.builder()
                .sessionFactory(entityManagerFactory.unwrap(SessionFactory.class)).build();
        boolean masterKeyExists = admin.listColumnMasterKeys().stream().map(ColumnMasterKeyInfo::name)
                .anyMatch(ClinicKeys.COLUMN_MASTER_KEY::equals);
        if (masterKeyExists && keystoreCreated) {
            throw new IllegalStateException("The database already holds column master key '"
                    + ClinicKeys.COLUMN_MASTER_KEY + "' from an earlier run, but its keystore was missing and "
                    + keystore.toAbsolutePath() + " is a new one that cannot unwrap the old keys. Restore the old "
                    + "keystore, or drop the sample's tables (patient and hae_column_*) to start afresh");
        }
        // Created when missing; when present, checked to be these keys (a mismatch stops the demo).
        boolean masterKeyCreated = admin.ensureColumnMasterKey(
                ColumnMasterKeySpec.named(ClinicKeys.COLUMN_MASTER_KEY).provider(JavaKeyStoreProvider.NAME)
                        .keyPath(ClinicKeys.KEYSTORE_ALIAS)).created();
        boolean encryptionKeyCreated = admin.ensureColumnEncryptionKey(ClinicKeys.COLUMN_ENCRYPTION_KEY,
                ClinicKeys.COLUMN_MASTER_KEY).created();
        keysCreated = masterKeyCreated || encryptionKeyCreated;
    }

    /** Whether this run created the keystore file. */
    public boolean keystoreCreated() {
        return keystoreCreated;
    }

    /** Whether this run created key metadata in the database (always, on an in-memory database). */
    public boolean keysCreated() {
        return keysCreated;
    }

    /** Where the demo keystore is. */
    public Path keystore() {
        return properties.getKeystore().getLocation();
    }
}
