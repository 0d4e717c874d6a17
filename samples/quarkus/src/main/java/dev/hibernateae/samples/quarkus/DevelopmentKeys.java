package dev.hibernateae.samples.quarkus;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;

/**
 * Development and tests only: creates the sample's keys when the application starts, if they are missing
 * ({@code sample.provision-keys=true}). Schema generation has made the key tables by then. In production an
 * administrator creates the keys once ({@code hibernate-ae-cli create-cmk} and {@code create-cek}).
 */
@ApplicationScoped
public class DevelopmentKeys {

    void provision(@Observes StartupEvent started, EntityManagerFactory emf,
            @ConfigProperty(name = "sample.provision-keys", defaultValue = "false") boolean provision) {
        if (!provision) {
            return;
        }
        ColumnKeyAdministration admin = ColumnKeyAdministration.builder()
                .sessionFactory(emf.unwrap(SessionFactory.class)).build();
        admin.ensureColumnMasterKey(ColumnMasterKeySpec.named(SampleKeys.MASTER_KEY)
                .provider("MSSQL_JAVA_KEYSTORE").keyPath(SampleKeys.MASTER_KEY_PATH));
        admin.ensureColumnEncryptionKey(SampleKeys.PATIENT_KEY, SampleKeys.MASTER_KEY);
        admin.ensureColumnEncryptionKey(SampleKeys.PRESCRIPTION_KEY, SampleKeys.MASTER_KEY);
    }
}
