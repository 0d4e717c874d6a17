/**
 * Spring Data JPA support: repository query methods checked with hibernate-ae's query guard when repositories are
 * created.
 *
 * <p>Stable API: compatible changes only within a major version.
 */
package dev.hibernateae.spring.data;
