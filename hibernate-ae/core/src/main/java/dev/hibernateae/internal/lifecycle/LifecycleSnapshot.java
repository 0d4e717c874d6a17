package dev.hibernateae.internal.lifecycle;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key lifecycle state as one read of the lifecycle tables saw it: immutable, so a converter sees one
 * consistent state for a whole value. Lookups cost one map access, and nothing when no lifecycle operation exists.
 */
public final class LifecycleSnapshot {
    /** No rotation, no transition: every key name is its own key. */
    public static final LifecycleSnapshot EMPTY = new LifecycleSnapshot(List.of(), List.of());

    private final Map<String, KeyRotation> rotations;
    private final Map<String, ColumnTransition> transitions;

    public LifecycleSnapshot(Collection<KeyRotation> rotations, Collection<ColumnTransition> transitions) {
        Map<String, KeyRotation> byName = new LinkedHashMap<>();
        for (KeyRotation rotation : rotations) {
            byName.put(rotation.keyName(), rotation);
        }
        Map<String, ColumnTransition> byColumn = new LinkedHashMap<>();
        for (ColumnTransition transition : transitions) {
            byColumn.put(ColumnTransition.columnId(transition.table(), transition.column()), transition);
        }
        this.rotations = Map.copyOf(byName);
        this.transitions = Map.copyOf(byColumn);
    }

    public boolean isEmpty() {
        return rotations.isEmpty() && transitions.isEmpty();
    }

    /** The column encryption key that new cells of attributes naming {@code keyName} are written with. */
    public String writeKey(String keyName) {
        if (rotations.isEmpty()) {
            return keyName;
        }
        KeyRotation rotation = rotations.get(keyName);
        return rotation == null ? keyName : rotation.targetKey();
    }

    /** The key whose cells are still read when a cell does not authenticate under {@link #writeKey}, or null. */
    public String fallbackKey(String keyName) {
        if (rotations.isEmpty()) {
            return null;
        }
        KeyRotation rotation = rotations.get(keyName);
        return rotation == null || rotation.sourceKey().equals(rotation.targetKey()) ? null : rotation.sourceKey();
    }

    /** The rotation of {@code keyName}, or null. */
    public KeyRotation rotation(String keyName) {
        return rotations.isEmpty() ? null : rotations.get(keyName);
    }

    /** The transition of a column, or null. */
    public ColumnTransition transition(String table, String column) {
        if (transitions.isEmpty() || table == null || column == null) {
            return null;
        }
        return transitions.get(ColumnTransition.columnId(table, column));
    }

    public Collection<KeyRotation> rotations() {
        return rotations.values();
    }

    public Collection<ColumnTransition> transitions() {
        return transitions.values();
    }

    /** Same rotations and transitions in the same phases; timestamps are part of it, so any change counts. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LifecycleSnapshot s && s.rotations.equals(rotations)
                && s.transitions.equals(transitions);
    }

    @Override
    public int hashCode() {
        return rotations.hashCode() * 31 + transitions.hashCode();
    }

    @Override
    public String toString() {
        return "LifecycleSnapshot[" + rotations.values() + ", " + transitions.values() + "]";
    }
}
