/**
 * The deployment (build step) module of hibernate-ae's Quarkus extension: registers hibernate-ae with every Hibernate
 * ORM persistence unit Quarkus builds and starts.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.quarkus.deployment;
