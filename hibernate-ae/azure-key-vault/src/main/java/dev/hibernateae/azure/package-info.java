/**
 * Column master keys in Azure Key Vault: {@link dev.hibernateae.azure.AzureKeyVaultProvider}, provider name
 * {@code AZURE_KEY_VAULT}, compatible value for value with SQL Server's drivers. Depends on
 * {@code azure-security-keyvault-keys} over the JDK HTTP client; bring {@code azure-identity} for
 * {@code DefaultAzureCredential}.
 *
 * <p>Stable API: compatible changes only within a major version.
 */
package dev.hibernateae.azure;
