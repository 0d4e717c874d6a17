/**
 * Spring Data JPA support: repository query methods checked with hibernate-ae's query guard when repositories are
 * created.
 */
package dev.hibernateae.spring.data;
