/**
 * The query stage: hibernate-ae's HQL reader and SQM translator factory, which hand each statement to the
 * query guard, encrypt parameters and literals bound to encrypted attributes and rewrite equality on them. Exported
 * to Hibernate ORM alone, which instantiates the reader and the factory by the class names in its settings.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.query;
