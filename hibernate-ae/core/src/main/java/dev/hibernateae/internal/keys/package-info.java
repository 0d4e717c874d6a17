/**
 * The key hierarchy at run time: the key tables, the key ring that unwraps column encryption keys with their
 * column master keys and caches them, the key store providers it finds, and the startup checks of keys.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.keys;
