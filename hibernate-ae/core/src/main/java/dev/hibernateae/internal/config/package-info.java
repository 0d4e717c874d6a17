/**
 * hibernate-ae's settings, parsed once into one immutable configuration ({@code AeConfig}): every setting's
 * reader, the one duration syntax, unknown-setting detection, and the internal settings' own prefix.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.config;
