/**
 * The Hibernate binding of {@code @Encrypted} attributes: the attribute binder, the converter between values and
 * cells, the column types and formats, and the startup checks of mapped SQL fragments. Exported to Hibernate ORM
 * alone, which instantiates the binder named by {@code @Encrypted}.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.hibernate;
