/**
 * The key lifecycle: rotating column master keys and column encryption keys, and encrypting or decrypting
 * columns in place, as resumable table jobs with progress and reports ({@link dev.hibernateae.lifecycle.KeyLifecycle}
 * is the entry point; the command-line tool builds on it).
 *
 * <p>Stable API: compatible changes only within a major version.
 */
package dev.hibernateae.lifecycle;
