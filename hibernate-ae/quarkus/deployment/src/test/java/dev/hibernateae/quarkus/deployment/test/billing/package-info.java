/** The named persistence unit {@code billing} of {@code EveryPersistenceUnitTest}. */
package dev.hibernateae.quarkus.deployment.test.billing;
