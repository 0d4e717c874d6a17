/**
 * Plaintext codecs: each Java type's plaintext bytes in SQL Server's Always Encrypted formats (strings, numbers,
 * temporal types, UUIDs, binary, enums), normalized so that equal values give equal bytes.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.codec;
