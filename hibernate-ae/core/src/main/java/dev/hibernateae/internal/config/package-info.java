/**
 * Parsing of hibernate-ae's settings that hold lists.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.config;
