/**
 * A Quarkus application with encrypted attributes: patients whose SSN is encrypted DETERMINISTIC (found by equality)
 * and birth date RANDOMIZED, and prescriptions, through the hibernate-ae Quarkus extension with nothing but
 * {@code quarkus.hibernate-ae.*} configuration.
 */
package dev.hibernateae.samples.quarkus;
