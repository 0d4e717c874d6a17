package dev.hibernateae.spring.azure;

import com.azure.core.credential.TokenCredential;
import dev.hibernateae.azure.AzureKeyVaultProvider;
import dev.hibernateae.spring.HibernateAeProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code AZURE_KEY_VAULT} column master key provider, built from the application's {@link TokenCredential} bean
 * when hibernate-ae-azure-key-vault is on the class path. As a provider bean it is registered with Hibernate like
 * every other. An application that defines its own {@link AzureKeyVaultProvider} bean keeps it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({AzureKeyVaultProvider.class, TokenCredential.class})
@ConditionalOnBooleanProperty(name = HibernateAeProperties.PREFIX + ".azure-key-vault.enabled", matchIfMissing = true)
public class AzureKeyVaultProviderConfiguration {

    @Bean
    @ConditionalOnSingleCandidate(TokenCredential.class)
    @ConditionalOnMissingBean(AzureKeyVaultProvider.class)
    AzureKeyVaultProvider hibernateAeAzureKeyVaultProvider(TokenCredential credential, HibernateAeProperties properties,
            ObjectProvider<AzureKeyVaultProviderBuilderCustomizer> customizers) {
        AzureKeyVaultProvider.Builder builder = AzureKeyVaultProvider.builder().credential(credential);
        if (!properties.getAzureKeyVault().getTrustedHosts().isEmpty()) {
            builder.trustedHosts(properties.getAzureKeyVault().getTrustedHosts());
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
