/**
 * Spring Boot auto-configuration of hibernate-ae: {@code hibernate-ae.*} properties, key store providers as beans,
 * startup checks of Spring Data JPA repository methods, and a failure report for queries that cannot work on
 * encrypted attributes.
 */
package dev.hibernateae.spring;
