package dev.hibernateae.spring.app;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.azure.testing.LocalKeyVault;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application trusts its two master key paths: the keystore alias, and the local vault's key, whose URL (and
 * port) is known only once the vault runs. Given through Spring Boot 4's {@code HibernatePropertiesCustomizer}.
 */
@Configuration(proxyBeanMethods = false)
class TrustedMasterKeyPaths {

    @Bean
    HibernatePropertiesCustomizer trustedMasterKeyPaths(LocalKeyVault vault) {
        return settings -> settings.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS,
                "cmk1," + vault.keyUrl(RepositoryTestApplication.VAULT_KEY));
    }
}
