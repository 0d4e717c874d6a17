/**
 * The runtime module of hibernate-ae's Quarkus extension: {@code quarkus.hibernate-ae.*} configuration, turned into
 * {@code hibernate.ae.*} settings, and the core's services and query stage installed in every Hibernate ORM
 * persistence unit Quarkus starts.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 * Applications add the dependency and set the {@code quarkus.hibernate-ae.*} properties, which are the extension's
 * interface; the types here are public because Quarkus requires it.
 */
package dev.hibernateae.quarkus;
