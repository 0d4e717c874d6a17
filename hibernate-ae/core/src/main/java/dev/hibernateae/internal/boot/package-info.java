/**
 * The wiring into Hibernate ORM: the integrator and service contributor, listed in {@code META-INF/services}
 * (and provided by the module descriptor), that install every other part when a session factory starts.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.boot;
