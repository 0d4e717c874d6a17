package dev.hibernateae.internal.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@value LifecycleTables#KEY_ROTATIONS}: the key name that attributes use is being moved from column
 * encryption key {@code sourceKey} to {@code targetKey}. Authenticated with a key derived from the target
 * ({@link RecordAuthentication}), so only a holder of that key can write it.
 *
 * @param keyName the name in {@code @Encrypted(key = ...)}
 * @param sourceKey the column encryption key the data was under before this rotation
 * @param targetKey the column encryption key the data is moved to
 * @param phase where the rotation stands; it only moves forward
 * @param changedAt when the phase last changed (UTC)
 * @param revision one more than the revision of the record this one replaced; never goes back
 */
public record KeyRotation(String keyName, String sourceKey, String targetKey, Phase phase, Instant changedAt,
        long revision) {

    /** Where a rotation stands. Each phase starts only once every application has seen the one before. */
    public enum Phase {
        /** Applications still write the source key, and already read and match cells of both keys. */
        ANNOUNCED,
        /** Applications write the target key, and read and match both while the job re-encrypts. */
        ROTATING,
        /** Every cell was verified under the target: applications write and match it only (and still read both). */
        COMPLETED
    }

    public KeyRotation {
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(targetKey, "targetKey");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** The same rotation in {@code next}, one revision later. */
    public KeyRotation advancedTo(Phase next, Instant at) {
        return new KeyRotation(keyName, sourceKey, targetKey, next, at, revision + 1);
    }

    /** Whether cells under both keys may exist, so equality must look for both. */
    public boolean rotating() {
        return phase != Phase.COMPLETED;
    }

    /** The key new cells are written with in this phase. */
    public String writeKey() {
        return phase == Phase.ANNOUNCED ? sourceKey : targetKey;
    }

    /** For messages and logs: names and phase, no key material. */
    public String describe() {
        return "rotation of key name '" + keyName + "' from '" + sourceKey + "' to '" + targetKey + "' (" + phase
                + ", revision " + revision + ")";
    }
}
