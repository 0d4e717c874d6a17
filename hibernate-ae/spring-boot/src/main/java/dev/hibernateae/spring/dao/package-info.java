/**
 * Spring's data access exception translation for hibernate-ae's exceptions: each becomes the
 * {@link org.springframework.dao.DataAccessException} that stands for it.
 *
 * <p>Stable API: compatible changes only within a major version.
 */
package dev.hibernateae.spring.dao;
