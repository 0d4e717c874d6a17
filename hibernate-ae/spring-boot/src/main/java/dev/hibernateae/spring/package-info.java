/**
 * Spring Boot auto-configuration of hibernate-ae: {@code hibernate-ae.*} properties, key store providers as beans,
 * startup checks of Spring Data JPA repository methods, and a failure report for queries that cannot work on
 * encrypted attributes.
 *
 * <p>Stable API: compatible changes only within a major version.
 */
package dev.hibernateae.spring;
