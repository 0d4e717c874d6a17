package dev.hibernateae.internal.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@value LifecycleTables#KEY_ROTATIONS}: the key name that attributes use stands for {@code targetKey}
 * (written from the moment the row exists), and cells under {@code sourceKey} are still read.
 *
 * @param keyName the name in {@code @Encrypted(key = ...)}
 * @param sourceKey the column encryption key the data was under before this rotation
 * @param targetKey the column encryption key new cells are written with
 * @param phase {@link Phase#ROTATING} while the job runs: equality queries then match both keys' cells
 * @param changedAt when the phase last changed (UTC)
 */
public record KeyRotation(String keyName, String sourceKey, String targetKey, Phase phase, Instant changedAt) {

    /** Where a rotation stands. */
    public enum Phase {
        /** Cells of both keys exist: writes use the target, reads and equality accept both. */
        ROTATING,
        /** Every cell of the listed columns was verified under the target; the source is only a fallback. */
        COMPLETED
    }

    public KeyRotation {
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(targetKey, "targetKey");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    public boolean rotating() {
        return phase == Phase.ROTATING;
    }
}
