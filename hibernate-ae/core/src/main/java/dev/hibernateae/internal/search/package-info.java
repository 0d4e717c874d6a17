/**
 * Search tokens: the keyed hashes that let the database find rows by range, prefix, suffix, case-insensitive or
 * randomized equality without seeing a plaintext. Which tokens a value gets ({@link SearchTokens}), where they live
 * ({@link TokenTable}, one per table with searchable attributes), how they follow the entity's writes
 * ({@link TokenMaintenance}). Uses the Hibernate binding and the keys; the query stage uses it.
 *
 * <p>Internal: not part of the public API; may change in any release without notice. Do not use from applications.
 */
package dev.hibernateae.internal.search;
