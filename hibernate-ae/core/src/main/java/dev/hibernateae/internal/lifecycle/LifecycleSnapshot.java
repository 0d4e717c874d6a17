package dev.hibernateae.internal.lifecycle;

import dev.hibernateae.internal.hibernate.CellFormat;
import dev.hibernateae.internal.hibernate.EncryptedAttribute;
import dev.hibernateae.internal.hibernate.ValueFormat;
import dev.hibernateae.internal.hibernate.ValueFormats;
import dev.hibernateae.internal.keys.KeyRing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One moment of the key lifecycle as this application trusts it: the rotations and transitions whose tags verified
 * and which moved only forward, the records it refused, and its own plaintext windows. Immutable; hands out each
 * encrypted attribute's {@link ValueFormat}, built once per attribute.
 */
public final class LifecycleSnapshot implements ValueFormats {
    private final Map<String, KeyRotation> rotations;
    private final Map<String, ColumnTransition> transitions;
    private final Map<String, Rejection> rejectedKeyNames;
    private final Map<String, Rejection> rejectedColumns;
    private final PlaintextWindows windows;
    private final KeyRing keys;
    private final Map<EncryptedAttribute<?>, ValueFormat> formats = new ConcurrentHashMap<>();

    LifecycleSnapshot(Map<String, KeyRotation> rotations, Map<String, ColumnTransition> transitions,
            Map<String, Rejection> rejectedKeyNames, Map<String, Rejection> rejectedColumns, PlaintextWindows windows,
            KeyRing keys) {
        this.rotations = Map.copyOf(rotations);
        this.transitions = Map.copyOf(transitions);
        this.rejectedKeyNames = Map.copyOf(rejectedKeyNames);
        this.rejectedColumns = Map.copyOf(rejectedColumns);
        this.windows = windows;
        this.keys = keys;
    }

    /** No record at all: every attribute stores cells under its own key name. */
    static LifecycleSnapshot empty(PlaintextWindows windows, KeyRing keys) {
        return new LifecycleSnapshot(Map.of(), Map.of(), Map.of(), Map.of(), windows, keys);
    }

    @Override
    public ValueFormat format(EncryptedAttribute<?> attribute) {
        if (!rejectedKeyNames.isEmpty() || !rejectedColumns.isEmpty()) {
            Rejection rejection = rejectedKeyNames.get(attribute.keyName());
            if (rejection == null) {
                rejection = rejectedColumns.get(attribute.columnId());
            }
            if (rejection != null) {
                throw rejection.exception(attribute);
            }
        }
        return formats.computeIfAbsent(attribute, this::build);
    }

    private ValueFormat build(EncryptedAttribute<?> attribute) {
        KeyRotation rotation = rotations.get(attribute.keyName());
        CellFormat cells = rotation == null ? CellFormat.ofKeyName(attribute, keys)
                : new CellFormat(attribute, keys, readKeys(rotation), matchKeys(rotation));
        ColumnTransition transition = transitions.get(attribute.columnId());
        Window window = transition == null ? Window.NONE : window(transition);
        return switch (window) {
            case NONE -> cells;
            case READ_TEXT -> new WindowFormat(attribute, cells, transition, false, true);
            case WRITE_TEXT -> new WindowFormat(attribute, cells, transition, true, true);
            case TEXT_ONLY -> new WindowFormat(attribute, cells, transition, true, false);
            case REFUSE_WRITES -> new RefusedWritesFormat(attribute, cells, transition);
        };
    }

    /** What a transition opens for its column, given this application's own settings. */
    enum Window {
        /** Cells only: no transition, a completed encryption, or plaintext this application does not let in. */
        NONE,
        /** Plaintext and cells are read and matched; cells are written. */
        READ_TEXT,
        /** Plaintext and cells are read and matched; plaintext is written. */
        WRITE_TEXT,
        /** Plaintext is written and matched (cells still read). */
        TEXT_ONLY,
        /** A decryption back this application was not configured for: it writes nothing, reads cells only. */
        REFUSE_WRITES
    }

    Window window(ColumnTransition transition) {
        String column = transition.columnId();
        return switch (transition.direction()) {
            case ENCRYPT -> transition.running() && windows.encrypting(column) ? Window.READ_TEXT : Window.NONE;
            case DECRYPT -> switch (transition.phase()) {
                case FORGOTTEN -> Window.NONE;
                case ANNOUNCED -> windows.decrypting(column) ? Window.READ_TEXT : Window.NONE;
                case RUNNING -> windows.decrypting(column) ? Window.WRITE_TEXT : Window.REFUSE_WRITES;
                case COMPLETED -> windows.decrypting(column) ? Window.TEXT_ONLY : Window.REFUSE_WRITES;
            };
        };
    }

    private static List<String> readKeys(KeyRotation rotation) {
        String other = rotation.writeKey().equals(rotation.targetKey()) ? rotation.sourceKey() : rotation.targetKey();
        return other.equals(rotation.writeKey()) ? List.of(rotation.writeKey()) : List.of(rotation.writeKey(), other);
    }

    private static List<String> matchKeys(KeyRotation rotation) {
        return rotation.rotating() ? readKeys(rotation) : List.of(rotation.writeKey());
    }

    /** Whether a refused record concerns the attribute (its values then fail). */
    boolean refuses(EncryptedAttribute<?> attribute) {
        return rejectedKeyNames.containsKey(attribute.keyName()) || rejectedColumns.containsKey(attribute.columnId());
    }

    /** The rotation of {@code keyName} this application follows, or null. */
    public KeyRotation rotation(String keyName) {
        return rotations.get(keyName);
    }

    /** The transition of a column this application follows, or null. */
    public ColumnTransition transition(String table, String column) {
        return transitions.get(EncryptedAttribute.columnId(table, column));
    }

    /** Whether the attribute's stored values may be in more than one form now (a rotation or transition runs). */
    public boolean inTransition(EncryptedAttribute<?> attribute) {
        KeyRotation rotation = rotations.get(attribute.keyName());
        ColumnTransition transition = transitions.get(attribute.columnId());
        return rotation != null && rotation.rotating()
                || transition != null && transition.running() && window(transition) != Window.NONE;
    }

    public Collection<KeyRotation> rotations() {
        return rotations.values();
    }

    public Collection<ColumnTransition> transitions() {
        return transitions.values();
    }

    /** Every refused record, for logging. */
    List<Rejection> rejections() {
        List<Rejection> all = new ArrayList<>(rejectedKeyNames.values());
        all.addAll(rejectedColumns.values());
        return all;
    }

    public boolean isEmpty() {
        return rotations.isEmpty() && transitions.isEmpty() && rejectedKeyNames.isEmpty()
                && rejectedColumns.isEmpty();
    }

    /** Same records in the same revisions, same refusals: the formats would be the same. */
    boolean sameAs(LifecycleSnapshot other) {
        return other != null && rotations.equals(other.rotations) && transitions.equals(other.transitions)
                && records(rejectedKeyNames).equals(records(other.rejectedKeyNames))
                && records(rejectedColumns).equals(records(other.rejectedColumns));
    }

    private static Map<String, String> records(Map<String, Rejection> rejections) {
        Map<String, String> records = new java.util.HashMap<>();
        rejections.forEach((name, rejection) -> records.put(name, rejection.record()));
        return records;
    }

    @Override
    public String toString() {
        return "LifecycleSnapshot[" + rotations.values().stream().map(KeyRotation::describe).toList() + ", "
                + transitions.values().stream().map(ColumnTransition::describe).toList() + ", refused "
                + rejections().stream().map(Rejection::record).toList() + "]";
    }
}
