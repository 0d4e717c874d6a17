/**
 * The deployment (build step) module of hibernate-ae's Quarkus extension: registers hibernate-ae with every Hibernate
 * ORM persistence unit Quarkus builds and starts.
 */
package dev.hibernateae.quarkus.deployment;
