package dev.hibernateae.spring;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.admin.Provisioned;
import dev.hibernateae.api.AlwaysEncryptedException;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * {@code hibernate-ae.provisioning.*}, for development: creates the listed keys that are missing as soon as an entity
 * manager factory exists (its schema generation has made the key tables by then), before any other bean receives
 * the factory, so that beans which write encrypted attributes while they start find their keys. Keys that exist are
 * checked to be the ones listed ({@link ColumnKeyAdministration#ensureColumnMasterKey}); one that differs stops
 * startup. Two instances starting at once end with the same keys. Logs the names of the keys it created, never key
 * material.
 */
final class KeyProvisioning implements BeanPostProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(KeyProvisioning.class);
    private static final String PROPERTIES = HibernateAeProperties.PREFIX + ".provisioning";

    private final List<Entry<ColumnMasterKeySpec>> masterKeys = new ArrayList<>();
    private final List<Entry<HibernateAeProperties.EncryptionKey>> encryptionKeys = new ArrayList<>();
    private final Set<SessionFactoryImplementor> provisioned = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Checks every entry now, so that an incomplete one stops startup before any database work. */
    KeyProvisioning(HibernateAeProperties.Provisioning properties) {
        List<HibernateAeProperties.MasterKey> masterKeyProperties = properties.getColumnMasterKeys();
        for (int i = 0; i < masterKeyProperties.size(); i++) {
            HibernateAeProperties.MasterKey key = masterKeyProperties.get(i);
            String property = PROPERTIES + ".column-master-keys[" + i + "]";
            String name = required(property, "name", key.getName());
            ColumnMasterKeySpec spec;
            try {
                spec = ColumnMasterKeySpec.named(name).provider(required(property, "provider", key.getProvider()))
                        .keyPath(required(property, "key-path", key.getKeyPath()))
                        .allowEnclaveComputations(key.isAllowEnclaveComputations());
            } catch (AlwaysEncryptedException e) {
                throw new IllegalStateException(property + ": " + e.getMessage(), e);
            }
            masterKeys.add(new Entry<>(property, spec));
        }
        List<HibernateAeProperties.EncryptionKey> encryptionKeyProperties = properties.getColumnEncryptionKeys();
        for (int i = 0; i < encryptionKeyProperties.size(); i++) {
            HibernateAeProperties.EncryptionKey key = encryptionKeyProperties.get(i);
            String property = PROPERTIES + ".column-encryption-keys[" + i + "]";
            required(property, "name", key.getName());
            required(property, "column-master-key", key.getColumnMasterKey());
            encryptionKeys.add(new Entry<>(property, key));
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EntityManagerFactory factory) {
            provision(factory.unwrap(SessionFactoryImplementor.class), beanName);
        }
        return bean;
    }

    private void provision(SessionFactoryImplementor sessionFactory, String beanName) {
        synchronized (provisioned) {
            if (!provisioned.add(sessionFactory)) {
                return; // the same session factory under another bean
            }
        }
        ColumnKeyAdministration admin = ColumnKeyAdministration.builder().sessionFactory(sessionFactory).build();
        for (Entry<ColumnMasterKeySpec> entry : masterKeys) {
            Provisioned<?> key = run(entry.property(), () -> admin.ensureColumnMasterKey(entry.value()));
            log(key, "column master key", entry.value().name(), beanName);
        }
        for (Entry<HibernateAeProperties.EncryptionKey> entry : encryptionKeys) {
            HibernateAeProperties.EncryptionKey wanted = entry.value();
            Provisioned<?> key = run(entry.property(),
                    () -> admin.ensureColumnEncryptionKey(wanted.getName(), wanted.getColumnMasterKey()));
            log(key, "column encryption key", wanted.getName(), beanName);
        }
    }

    private static void log(Provisioned<?> key, String kind, String name, String beanName) {
        if (key.created()) {
            LOG.info("hibernate-ae provisioning created {} '{}' (entity manager factory '{}')", kind, name, beanName);
        } else {
            LOG.debug("hibernate-ae provisioning found {} '{}' as configured (entity manager factory '{}')", kind, name,
                    beanName);
        }
    }

    /** Runs one provisioning step, naming the property entry it came from when it fails. */
    private static Provisioned<?> run(String property, Supplier<Provisioned<?>> step) {
        try {
            return step.get();
        } catch (AlwaysEncryptedException e) {
            throw new IllegalStateException(property + ": " + e.getMessage(), e);
        }
    }

    private static String required(String property, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + "." + field + " is not set: each entry of "
                    + property.substring(0, property.lastIndexOf('[')) + " needs it");
        }
        return value;
    }

    private record Entry<T>(String property, T value) {
    }
}
