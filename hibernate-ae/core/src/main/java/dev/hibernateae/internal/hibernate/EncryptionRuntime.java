package dev.hibernateae.internal.hibernate;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.internal.config.InternalSettings;
import dev.hibernateae.internal.keys.KeyRing;
import dev.hibernateae.internal.orm.ConverterDescriptorAdapter;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hibernate.mapping.BasicValue;
import org.hibernate.service.Service;

/**
 * The per-service-registry (so per persistence unit) state of hibernate-ae: settings, the key ring, the encrypted
 * attributes that were mapped, and where the current {@link ValueFormats} come from. Converters reach keys through
 * it, lazily, because keys live in the database and are read only once connections exist.
 */
public final class EncryptionRuntime implements Service {
    /** The formats a translating thread pinned, so the literals it converts match the shape it builds. */
    private static final ThreadLocal<ValueFormats> PINNED = new ThreadLocal<>();

    private final AeConfig config;
    private final boolean keysFromDatabase;
    private final Function<EncryptionRuntime, KeyRing> keyRingFactory;
    private final Map<String, EncryptedAttributeConverter<?>> attributesByRole = new ConcurrentHashMap<>();
    private final FormatSource cellsUnderKeyNames;
    private volatile FormatSource formatSource;
    private volatile KeyRing keyRing;
    /** Search annotations by the value they annotate, until the mapping is complete (boot only). */
    private final Map<Object, Declared> searchDeclarations = new IdentityHashMap<>();
    private volatile Set<String> searchedEntities = Set.of();

    private record Declared(SearchOptions options, String role) {
    }

    /**
     * @param config the settings; a {@link KeyRing} in {@link InternalSettings#KEY_RING} is used instead of the key
     *        ring of {@code keyRingFactory}
     */
    public EncryptionRuntime(AeConfig config, Function<EncryptionRuntime, KeyRing> keyRingFactory) {
        this.config = Objects.requireNonNull(config, "config");
        this.keyRingFactory = keyRingFactory;
        Object instance = config.internal(InternalSettings.KEY_RING);
        this.keysFromDatabase = !(instance instanceof KeyRing);
        if (instance instanceof KeyRing ring) {
            this.keyRing = ring;
        }
        Map<EncryptedAttribute<?>, CellFormat> plain = new ConcurrentHashMap<>();
        ValueFormats underKeyNames = attribute -> plain.computeIfAbsent(attribute,
                a -> CellFormat.ofKeyName(a, keyRing()));
        this.cellsUnderKeyNames = () -> underKeyNames;
        this.formatSource = cellsUnderKeyNames;
    }

    public AeConfig config() {
        return config;
    }

    /** Whether attributes whose key cannot be unwrapped load as {@code null} instead of failing. */
    public boolean unreadableAsNull() {
        return config.unreadableAsNull();
    }

    /** The formats values are stored in now: those a translation on this thread pinned, else the current ones. */
    public ValueFormats formats() {
        ValueFormats pinned = PINNED.get();
        return pinned != null ? pinned : formatSource.current();
    }

    /**
     * Makes {@link #formats()} return {@code formats} on this thread until the returned pin is closed: a query's
     * shape and the literals converted into it then come from one moment.
     */
    public Pin pin(ValueFormats formats) {
        ValueFormats previous = PINNED.get();
        PINNED.set(Objects.requireNonNull(formats, "formats"));
        return () -> {
            if (previous == null) {
                PINNED.remove();
            } else {
                PINNED.set(previous);
            }
        };
    }

    /** Closes a {@link #pin}. */
    @FunctionalInterface
    public interface Pin extends AutoCloseable {
        @Override
        void close();
    }

    /** Where formats come from from now on (the key lifecycle); closed with this unit. */
    public void formatSource(FormatSource source) {
        this.formatSource = Objects.requireNonNull(source, "source");
    }

    /** Where formats come from: the key lifecycle's watcher once wired, else cells under each key name. */
    public FormatSource formatSource() {
        return formatSource;
    }

    /** Stops the format source (the lifecycle's polling); values are then stored as cells under key names. */
    public void closeFormatSource() {
        FormatSource source = formatSource;
        formatSource = cellsUnderKeyNames;
        source.close();
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

    /** Whether the key ring is the database key hierarchy (not an instance a test or tool put in the settings). */
    public boolean keysFromDatabase() {
        return keysFromDatabase;
    }

    void register(EncryptedAttributeConverter<?> converter) {
        attributesByRole.put(converter.attribute().role(), converter);
    }

    /** Replaces the provisional registrations of the binder with the attributes under their final roles. */
    void replaceAttributes(List<EncryptedAttributeConverter<?>> converters) {
        attributesByRole.clear();
        for (EncryptedAttributeConverter<?> converter : converters) {
            attributesByRole.put(converter.attribute().role(), converter);
        }
    }

    /** The encrypted attribute with this role ({@code com.example.Patient.ssn}, {@code ...Patient.address.zip}). */
    public EncryptedAttributeConverter<?> attribute(String role) {
        EncryptedAttributeConverter<?> converter = attributesByRole.get(role);
        if (converter == null) {
            throw new AlwaysEncryptedException("'" + role + "' is not an encrypted attribute of this persistence unit; "
                    + "encrypted attributes are: " + String.join(", ", new TreeSet<>(attributesByRole.keySet())));
        }
        return converter;
    }

    /**
     * Records a search annotation on {@code value}, merged with those recorded before and with those its converter
     * already carries (the binder's; checked when the mapping is complete).
     */
    synchronized void declareSearch(Object value, Annotation annotation, String role) {
        Declared declared = searchDeclarations.get(value);
        SearchOptions options = declared != null ? declared.options() : carried(value);
        searchDeclarations.put(value, new Declared(options.with(annotation, role), role));
    }

    private static SearchOptions carried(Object value) {
        if (value instanceof BasicValue basic
                && ConverterDescriptorAdapter.sourceOf(
                        basic.getJpaAttributeConverterDescriptor()) instanceof EncryptedConverterDescriptor<?> d) {
            return d.converter().search();
        }
        return SearchOptions.NONE;
    }

    /** The searches declared on {@code value}, taken out of the boot-time record; null when none. */
    synchronized SearchOptions takeSearch(Object value) {
        Declared declared = searchDeclarations.remove(value);
        return declared == null ? null : declared.options();
    }

    /** The attributes whose searches were declared but never taken (not {@code @Encrypted}), then forgets them. */
    synchronized List<String> takeUnclaimedSearches() {
        List<String> roles = searchDeclarations.values().stream().map(Declared::role).sorted().toList();
        searchDeclarations.clear();
        return roles;
    }

    /**
     * The entity names whose rows (their own, or a subclass's) have search tokens: a bulk delete or update of them
     * would bypass token maintenance.
     */
    public Set<String> searchedEntities() {
        return searchedEntities;
    }

    void searchedEntities(Set<String> names) {
        this.searchedEntities = Set.copyOf(names);
    }

    public Collection<EncryptedAttributeConverter<?>> attributes() {
        return Collections.unmodifiableCollection(attributesByRole.values());
    }
}
