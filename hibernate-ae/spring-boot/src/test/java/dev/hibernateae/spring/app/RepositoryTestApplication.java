package dev.hibernateae.spring.app;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.ColumnMasterKeySpec;
import dev.hibernateae.azure.testing.LocalKeyVault;
import dev.hibernateae.azure.testing.TestCertificate;
import dev.hibernateae.spring.azure.AzureKeyVaultProviderBuilderCustomizer;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.SessionFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A Spring Boot application as a user writes one: H2, the entity and repository of this package, a
 * {@code @Repository} bean on JPA ({@link PatientDao}), a {@link TokenCredential} bean (for a local Key Vault
 * endpoint), and the keystore given as {@code hibernate-ae.*} properties (test resources'
 * {@code application.properties}, so every {@code @SpringBootTest} shares one context). Two column master keys, one
 * per provider, each wrap one column encryption key.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PatientDao.class, TrustedMasterKeyPaths.class})
public class RepositoryTestApplication {
    public static final String VAULT_KEY = "clinic-cmk";

    @Bean(destroyMethod = "close")
    LocalKeyVault localKeyVault() {
        LocalKeyVault vault = LocalKeyVault.start(TestCertificate.shared());
        vault.createRsaKey(VAULT_KEY, 2048);
        return vault;
    }

    @Bean
    TokenCredential vaultCredential(LocalKeyVault vault) {
        return vault.credential();
    }

    /** What a test endpoint needs: its certificate trusted, no challenge resource check, one quick retry. */
    @Bean
    AzureKeyVaultProviderBuilderCustomizer localVaultConnection(LocalKeyVault vault) {
        return builder -> builder.httpClient(vault.httpClient())
                .retryOptions(new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(20))))
                .disableChallengeResourceVerification();
    }

    /** Creates the keys once the key tables exist, before any test writes an encrypted attribute. */
    @Bean
    InitializingBean keys(EntityManagerFactory entityManagerFactory, LocalKeyVault vault) {
        return () -> {
            Path keystore = Path.of(System.getProperty("ae.vectors.dir"), "cmk-keystore.p12");
            if (!Files.isRegularFile(keystore)) {
                throw new IllegalStateException("The vector keystore is missing at " + keystore);
            }
            ColumnKeyAdministration admin = ColumnKeyAdministration.builder()
                    .sessionFactory(entityManagerFactory.unwrap(SessionFactory.class)).build();
            admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk_keystore")
                    .provider("MSSQL_JAVA_KEYSTORE").keyPath("cmk1"));
            admin.createColumnMasterKey(ColumnMasterKeySpec.named("cmk_vault")
                    .provider("AZURE_KEY_VAULT").keyPath(vault.keyUrl(VAULT_KEY)));
            admin.createColumnEncryptionKey("cek_keystore", "cmk_keystore");
            admin.createColumnEncryptionKey("cek_vault", "cmk_vault");
        };
    }
}
