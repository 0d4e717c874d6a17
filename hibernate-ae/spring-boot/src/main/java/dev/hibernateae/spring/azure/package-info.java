/** The Azure Key Vault column master key provider, built from the application's {@code TokenCredential} bean. */
package dev.hibernateae.spring.azure;
