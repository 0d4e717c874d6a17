/**
 * The API applications use: the {@link dev.hibernateae.api.Encrypted} annotation and its options, the
 * {@link dev.hibernateae.api.EncryptionSettings} of a persistence unit, the exceptions hibernate-ae throws, and
 * helpers for what Hibernate does not convert or check on its own ({@link dev.hibernateae.api.EncryptedValues} for
 * native SQL, {@link dev.hibernateae.api.EncryptedQueryCheck} for query strings known ahead,
 * {@link dev.hibernateae.api.KeyRingStates} for health checks).
 *
 * <p>Stable API: compatible changes only within a major version.
 */
package dev.hibernateae.api;
