package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.api.EncryptionType;
import dev.hibernateae.internal.crypto.CellCipher;
import dev.hibernateae.internal.keys.KeyRing;
import dev.hibernateae.internal.lifecycle.ColumnTransition;
import dev.hibernateae.internal.lifecycle.LifecycleSnapshot;
import dev.hibernateae.internal.lifecycle.LifecycleWatcher;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hibernate.service.Service;

/**
 * The per-service-registry (so per persistence unit) state of hibernate-ae: settings, the key ring, and the
 * encrypted attributes that were mapped. Converters reach keys through it, lazily, because keys live in the
 * database and are read only once connections exist.
 */
public final class EncryptionRuntime implements Service {
    /** Internal setting: a ready {@link KeyRing} instance, used instead of the database key store (tests, tools). */
    public static final String KEY_RING_INSTANCE = EncryptionSettings.PREFIX + "internal.key_ring";

    private final Map<String, Object> settings;
    private final boolean unreadableAsNull;
    private final Function<EncryptionRuntime, KeyRing> keyRingFactory;
    private final Map<String, EncryptedAttributeConverter<?>> attributesByRole = new ConcurrentHashMap<>();
    private final LifecycleWatcher lifecycle;
    private volatile KeyRing keyRing;

    /**
     * @param lifecycle where key rotations and column transitions are read from, or null when this persistence
     *        unit has none (tests, tools)
     */
    EncryptionRuntime(Map<String, Object> settings, Function<EncryptionRuntime, KeyRing> keyRingFactory,
            LifecycleWatcher lifecycle) {
        this.settings = Collections.unmodifiableMap(settings);
        this.keyRingFactory = keyRingFactory;
        this.lifecycle = lifecycle;
        this.unreadableAsNull = parseUnreadable(settings.get(EncryptionSettings.UNREADABLE_ATTRIBUTES));
        Object instance = settings.get(KEY_RING_INSTANCE);
        if (instance instanceof KeyRing ring) {
            this.keyRing = ring;
        }
    }

    public Map<String, Object> settings() {
        return settings;
    }

    /** Whether attributes whose key cannot be unwrapped load as {@code null} instead of failing. */
    public boolean unreadableAsNull() {
        return unreadableAsNull;
    }

    /** The cipher for one column encryption key and encryption type, resolving the key through the key ring. */
    CellCipher cipher(String keyName, EncryptionType type) {
        return cipher(lifecycleState(), keyName, type);
    }

    /**
     * The cipher that writes cells of attributes naming {@code keyName}: its own key, or the target of its rotation.
     */
    CellCipher cipher(LifecycleSnapshot state, String keyName, EncryptionType type) {
        return new CellCipher(keyRing().cellKey(state.writeKey(keyName)), type);
    }

    /** During and after a rotation of {@code keyName}: the cipher of the key it rotated from; otherwise null. */
    CellCipher fallbackCipher(LifecycleSnapshot state, String keyName, EncryptionType type) {
        String source = state.fallbackKey(keyName);
        return source == null ? null : new CellCipher(keyRing().cellKey(source), type);
    }

    /** The key rotations and column transitions as last read; empty when this unit has no lifecycle tables. */
    public LifecycleSnapshot lifecycleState() {
        return lifecycle == null ? LifecycleSnapshot.EMPTY : lifecycle.current();
    }

    /** The transition of the attribute's column, or null. */
    ColumnTransition transition(LifecycleSnapshot state, EncryptedAttributeConverter<?> attribute) {
        return state.transition(attribute.tableName(), attribute.columnName());
    }

    /** Where this unit reads the key lifecycle from; null when it has none. */
    public LifecycleWatcher lifecycle() {
        return lifecycle;
    }

    public KeyRing keyRing() {
        KeyRing ring = keyRing;
        if (ring == null) {
            synchronized (this) {
                ring = keyRing;
                if (ring == null) {
                    ring = Objects.requireNonNull(keyRingFactory.apply(this), "key ring");
                    keyRing = ring;
                }
            }
        }
        return ring;
    }

    void register(EncryptedAttributeConverter<?> converter) {
        attributesByRole.put(converter.role(), converter);
    }

    /** Replaces the provisional registrations of the binder with the attributes under their final roles. */
    void replaceAttributes(java.util.List<EncryptedAttributeConverter<?>> converters) {
        attributesByRole.clear();
        for (EncryptedAttributeConverter<?> converter : converters) {
            attributesByRole.put(converter.role(), converter);
        }
    }

    /** The encrypted attribute with this role ({@code com.example.Patient.ssn}, {@code ...Patient.address.zip}). */
    public EncryptedAttributeConverter<?> attribute(String role) {
        EncryptedAttributeConverter<?> converter = attributesByRole.get(role);
        if (converter == null) {
            throw new AlwaysEncryptedException("'" + role + "' is not an encrypted attribute of this persistence unit; "
                    + "encrypted attributes are: " + String.join(", ", new java.util.TreeSet<>(attributesByRole.keySet())));
        }
        return converter;
    }

    public Collection<EncryptedAttributeConverter<?>> attributes() {
        return Collections.unmodifiableCollection(attributesByRole.values());
    }

    private static boolean parseUnreadable(Object value) {
        if (value == null) {
            return false;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("fail")) {
            return false;
        }
        if (text.equals("null")) {
            return true;
        }
        throw new AlwaysEncryptedException("Setting " + EncryptionSettings.UNREADABLE_ATTRIBUTES + " is '" + value
                + "'; use 'fail' (the default) or 'null'");
    }
}
