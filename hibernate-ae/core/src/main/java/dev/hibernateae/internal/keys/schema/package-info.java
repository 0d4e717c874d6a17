/**
 * The key tables in Hibernate's schema management: created, updated and validated with the application's own
 * tables.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.keys.schema;
