package dev.hibernateae.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import dev.hibernateae.spring.app.Patient;
import dev.hibernateae.testing.keys.TestRsaProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code spring.jpa.properties.hibernate.ae.*} route, with a provider bean, through a real entity manager
 * factory: the keystore of the settings and the bean each wrap one column encryption key that Hibernate then uses.
 */
class SpringJpaPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @ScanEntities(Patient.class)
    static class Entities {
    }

    @Test
    void keystoreFromSpringJpaPropertiesAndAProviderBeanEncryptEntities() {
        TestRsaProvider beanProvider = new TestRsaProvider("BEAN_PROVIDER", "bean-key");
        new ApplicationContextRunner()
                .withConfiguration(JpaAutoConfigurations.jpa(HibernateAeAutoConfiguration.class))
                .withUserConfiguration(Entities.class)
                .withBean(ColumnMasterKeyProvider.class, () -> beanProvider)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:jpa-properties;DB_CLOSE_DELAY=-1",
                        "spring.jpa.hibernate.ddl-auto=create-drop",
                        "spring.jpa.properties.hibernate.ae.keystore.location=${ae.vectors.dir}/cmk-keystore.p12",
                        "spring.jpa.properties.hibernate.ae.keystore.password=changeit",
                        "spring.jpa.properties.hibernate.ae.trusted_master_key_paths=cmk1,bean-key")
                .run(context -> {
                    EntityManagerFactory factory = context.getBean(EntityManagerFactory.class);
                    assertEquals(System.getProperty("ae.vectors.dir") + "/cmk-keystore.p12",
                            factory.getProperties().get(EncryptionSettings.KEYSTORE_LOCATION));

                    ColumnKeyAdministration admin = ColumnKeyAdministration.builder()
                            .sessionFactory(factory.unwrap(SessionFactory.class)).build();
                    admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk_keystore")
                            .provider("MSSQL_JAVA_KEYSTORE").keyPath("cmk1"));
                    admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk_bean")
                            .provider("BEAN_PROVIDER").keyPath("bean-key"));
                    admin.createColumnEncryptionKey("cek_keystore", "cmk_keystore");
                    admin.createColumnEncryptionKey("cek_vault", "cmk_bean");

                    EntityManager em = factory.createEntityManager();
                    em.getTransaction().begin();
                    em.persist(new Patient("795-73-9838", LocalDate.of(1815, 12, 10), 1001, "Ada", "Lovelace"));
                    em.getTransaction().commit();
                    em.clear();

                    List<Patient> found = em.createQuery("from Patient where mrn = :mrn", Patient.class)
                            .setParameter("mrn", 1001).getResultList();
                    assertEquals(1, found.size());
                    assertEquals("795-73-9838", found.get(0).ssn);
                    assertEquals(1, beanProvider.unwraps("bean-key"), "the bean provider unwrapped cek_vault");
                    em.close();
                });
    }
}
