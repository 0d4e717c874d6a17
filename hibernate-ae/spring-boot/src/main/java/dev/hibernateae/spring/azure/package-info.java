/** The Azure Key Vault column master key provider, built from the application's {@code TokenCredential} bean. *
 * <p>Stable API: compatible changes only within a major version.
 */
package dev.hibernateae.spring.azure;
