package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.internal.keys.KeyRing;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides which lifecycle records an application follows. A record is followed only if its tag verifies under the
 * key it names ({@link RecordAuthentication}) and its revision is not older than one this application already
 * followed; a rotation that this application followed and that then disappeared is refused too. What is refused
 * changes nothing: the attributes it concerns are refused with it ({@link LifecycleSnapshot#format}).
 *
 * <p>Remembers, for as long as the application runs, the newest revision of every record and the last tag it
 * verified, so an unchanged record is not verified again at every poll. One instance per watcher; not thread-safe
 * (the watcher calls it under its lock).
 */
final class TrustedRecords {
    private final Map<String, Long> newestRevision = new HashMap<>();
    private final Map<String, Verified> verified = new HashMap<>();

    /** A record and the tag that was verified for it. */
    private record Verified(Object record, byte[] tag) {
        boolean matches(StoredRecord<?> stored) {
            return record.equals(stored.record()) && Arrays.equals(tag, stored.tag());
        }
    }

    LifecycleSnapshot check(List<StoredRecord<KeyRotation>> storedRotations,
            List<StoredRecord<ColumnTransition>> storedTransitions, PlaintextWindows windows, KeyRing keys) {
        Map<String, KeyRotation> rotations = new HashMap<>();
        Map<String, Rejection> rejectedKeyNames = new HashMap<>();
        for (StoredRecord<KeyRotation> stored : storedRotations) {
            KeyRotation rotation = stored.record();
            String id = "rotation " + rotation.keyName();
            String record = LifecycleTables.KEY_ROTATIONS + ": " + rotation.describe();
            Rejection rejection = check(id, record, stored, () -> RecordAuthentication.verify(keys, rotation,
                    stored.tag()), "column encryption key '" + rotation.targetKey() + "'", rotation.revision(),
                    malformed(rotation));
            if (rejection == null) {
                rotations.put(rotation.keyName(), rotation);
            } else {
                rejectedKeyNames.put(rotation.keyName(), rejection);
            }
        }
        Map<String, ColumnTransition> transitions = new HashMap<>();
        Map<String, Rejection> rejectedColumns = new HashMap<>();
        for (StoredRecord<ColumnTransition> stored : storedTransitions) {
            ColumnTransition transition = stored.record();
            String id = "transition " + transition.columnId();
            String record = LifecycleTables.COLUMN_TRANSITIONS + ": " + transition.describe();
            Rejection rejection = check(id, record, stored, () -> RecordAuthentication.verify(keys, transition,
                    stored.tag()), "column encryption key '" + transition.encryptionKey() + "'",
                    transition.revision(), transition.revision() < 1 ? "has revision " + transition.revision()
                            + ", below the first (1)" : null);
            if (rejection == null) {
                transitions.put(transition.columnId(), transition);
            } else {
                rejectedColumns.put(transition.columnId(), rejection);
            }
        }
        // A vanished rotation would send its key name back to the key it rotated away from; a vanished transition
        // only closes a plaintext window, which needs no refusal.
        vanished("rotation ", LifecycleTables.KEY_ROTATIONS, rotations.keySet(), rejectedKeyNames);
        return new LifecycleSnapshot(rotations, transitions, rejectedKeyNames, rejectedColumns, windows, keys);
    }

    /** A check that may need to load a key. */
    @FunctionalInterface
    private interface TagCheck {
        boolean verifies();
    }

    private Rejection check(String id, String record, StoredRecord<?> stored, TagCheck tagCheck, String key,
            long revision, String malformed) {
        if (malformed != null) {
            return new Rejection(record, malformed + ", which no hibernate-ae job writes. Restore the row from a "
                    + "backup, or run the lifecycle command again", null);
        }
        Verified last = verified.get(id);
        if (last == null || !last.matches(stored)) {
            boolean verifies;
            try {
                verifies = stored.tag() != null && tagCheck.verifies();
            } catch (RuntimeException e) {
                return new Rejection(record, "could not be checked, because " + key + " cannot be loaded here ("
                        + e.getMessage() + "); it is followed once that key can be loaded", e);
            }
            if (!verifies) {
                return new Rejection(record, "does not authenticate under a key derived from " + key + ": it was "
                        + "altered, forged, or written by something that does not hold that key. Restore the row as "
                        + "the hibernate-ae job wrote it, or run the lifecycle command again (hibernate-ae-cli)", null);
            }
        }
        long newest = newestRevision.getOrDefault(id, 0L);
        if (revision < newest) {
            return new Rejection(record, "is older than revision " + newest + ", which this application already "
                    + "followed: an earlier record was put back (replayed). Restore the current record, or run the "
                    + "lifecycle command again", null);
        }
        newestRevision.put(id, revision);
        verified.put(id, new Verified(stored.record(), stored.tag() == null ? null : stored.tag().clone()));
        return null;
    }

    private static String malformed(KeyRotation rotation) {
        if (rotation.revision() < 1) {
            return "has revision " + rotation.revision() + ", below the first (1)";
        }
        if (rotation.sourceKey().equals(rotation.targetKey())) {
            return "rotates a key to itself";
        }
        return null;
    }

    /** Records followed before that are no longer in the table: refused by name until they come back. */
    private void vanished(String prefix, String table, java.util.Set<String> present, Map<String, Rejection> rejected) {
        for (Map.Entry<String, Long> seen : newestRevision.entrySet()) {
            if (!seen.getKey().startsWith(prefix)) {
                continue;
            }
            String name = seen.getKey().substring(prefix.length());
            if (!present.contains(name) && !rejected.containsKey(name)) {
                rejected.put(name, new Rejection(table + ": " + seen.getKey() + " (revision " + seen.getValue() + ")",
                        "disappeared after this application followed it. Records are never deleted by "
                                + "hibernate-ae's tools; restore the row", null));
            }
        }
    }

    @Override
    public String toString() {
        return "TrustedRecords" + Objects.toString(newestRevision);
    }
}
