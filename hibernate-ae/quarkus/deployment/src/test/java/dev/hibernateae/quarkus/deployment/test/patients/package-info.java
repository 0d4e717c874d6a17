/** The default persistence unit of {@code EveryPersistenceUnitTest}. */
package dev.hibernateae.quarkus.deployment.test.patients;
