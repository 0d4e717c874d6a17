/**
 * The table jobs of the key lifecycle: batches that decrypt, encrypt or re-encrypt a table's cells, resumably
 * and in partitions, with their counters and progress.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.lifecycle.job;
