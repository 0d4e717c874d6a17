package dev.hibernateae.spring.azure;

import dev.hibernateae.azure.AzureKeyVaultProvider;

/**
 * A bean of this type adjusts the {@link AzureKeyVaultProvider} that hibernate-ae's auto-configuration builds from
 * the application's {@code TokenCredential} bean: an HTTP client with a proxy, retry options, trusted hosts.
 * Customizers run in their {@link org.springframework.core.Ordered order}, after the credential and
 * {@code hibernate-ae.azure-key-vault.trusted-hosts} were applied.
 */
@FunctionalInterface
public interface AzureKeyVaultProviderBuilderCustomizer {

    /** Changes the builder before the provider is built. */
    void customize(AzureKeyVaultProvider.Builder builder);
}
