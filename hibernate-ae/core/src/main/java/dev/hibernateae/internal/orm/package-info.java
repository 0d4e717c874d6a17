/**
 * The one place where hibernate-ae touches Hibernate ORM's internal packages ({@code org.hibernate..internal..} and
 * the HQL grammar), each use for want of a public or SPI type that does the same. {@code OrmInternalsTest}
 * exercises every entry point against the Hibernate version on the class path, and {@code PackageDependenciesTest}
 * keeps every other package from importing Hibernate internals (the SPI signatures that name
 * {@code DomainParameterXref} and {@code MappingModelCreationProcess} aside). {@link
 * dev.hibernateae.internal.orm.SupportedHibernate} refuses to start on a Hibernate version outside the range these
 * uses were checked against.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.orm;
