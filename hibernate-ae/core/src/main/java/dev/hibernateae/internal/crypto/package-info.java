/**
 * The cell cipher: AEAD_AES_256_CBC_HMAC_SHA256 as SQL Server's Always Encrypted defines it, the keys derived
 * from a column encryption key, and the zeroing of key material once used.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.crypto;
