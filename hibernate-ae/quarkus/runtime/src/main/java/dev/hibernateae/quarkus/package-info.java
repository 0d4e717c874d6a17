/**
 * The runtime module of hibernate-ae's Quarkus extension: {@code quarkus.hibernate-ae.*} configuration, turned into
 * {@code hibernate.ae.*} settings, and the core's services and query stage installed in every Hibernate ORM
 * persistence unit Quarkus starts.
 *
 * <p>Applications depend on this module and configure it; they call none of its types.
 */
package dev.hibernateae.quarkus;
