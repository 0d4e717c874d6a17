package dev.hibernateae.internal.keys;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import dev.hibernateae.spi.KeyRingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The key hierarchy of one application, wired from the settings: the master key providers, the key tables, the
 * checks on master keys, the caching key ring, and the listeners that hear what it does
 * ({@link EncryptionSettings#KEY_RING_LISTENERS} and any given in code). The Hibernate integration and the key administration API both
 * build one, so they apply the same providers, trusted paths and signature checks.
 */
public final class KeyHierarchy {
    private final ProviderRegistry providers;
    private final KeyCatalog catalog;
    private final ColumnKeyUnwrapper unwrapper;
    private final CachingKeyRing keyRing;

    private KeyHierarchy(Builder builder) {
        ProviderRegistry.Builder registry = ProviderRegistry.builder().config(builder.config)
                .serviceLoader(builder.serviceLoader);
        if (builder.classLoader != null) {
            registry.classLoader(builder.classLoader);
        }
        builder.providers.forEach(registry::provider);
        this.providers = registry.build();
        this.catalog = new KeyCatalog(Objects.requireNonNull(builder.connections,
                "a ConnectionSource is required to reach the key tables"));
        TrustedMasterKeyPaths trusted = builder.trustedPaths != null ? builder.trustedPaths
                : TrustedMasterKeyPaths.from(builder.config);
        trusted.warnIfTrustingAny();
        List<KeyRingListener> listeners = new ArrayList<>(KeyRingListeners.from(builder.config,
                builder.classLoader != null ? builder.classLoader : KeyHierarchy.class.getClassLoader()));
        listeners.addAll(builder.listeners);
        KeyRingListener listener = KeyRingListeners.of(listeners);
        this.unwrapper = new ColumnKeyUnwrapper(new MasterKeyVerifier(providers, trusted), listener);
        Duration ttl = builder.ttl != null ? builder.ttl : builder.config.keyCacheTtl();
        this.keyRing = new CachingKeyRing(new CatalogKeyLoader(catalog, unwrapper), ttl, builder.nanoClock, listener);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ProviderRegistry providers() {
        return providers;
    }

    public KeyCatalog catalog() {
        return catalog;
    }

    public MasterKeyVerifier verifier() {
        return unwrapper.verifier();
    }

    public ColumnKeyUnwrapper unwrapper() {
        return unwrapper;
    }

    public CachingKeyRing keyRing() {
        return keyRing;
    }

    /** Settings first, then anything set explicitly overrides them. */
    public static final class Builder {
        private AeConfig config = AeConfig.DEFAULTS;
        private ConnectionSource connections;
        private final List<ColumnMasterKeyProvider> providers = new ArrayList<>();
        private final List<KeyRingListener> listeners = new ArrayList<>();
        private ClassLoader classLoader;
        private boolean serviceLoader = true;
        private TrustedMasterKeyPaths trustedPaths;
        private Duration ttl;
        private LongSupplier nanoClock = System::nanoTime;

        private Builder() {
        }

        /**
         * Hibernate settings; those under {@value EncryptionSettings#PREFIX} configure the hierarchy.
         *
         * @throws dev.hibernateae.api.AlwaysEncryptedException when one is wrong ({@link AeConfig#of})
         */
        public Builder settings(Map<String, ?> settings) {
            return config(AeConfig.of(Objects.requireNonNull(settings, "settings")));
        }

        /** The parsed settings that configure the hierarchy. */
        public Builder config(AeConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        public Builder connections(ConnectionSource connections) {
            this.connections = Objects.requireNonNull(connections, "connections");
            return this;
        }

        public Builder provider(ColumnMasterKeyProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Adds a listener, told after those of {@link EncryptionSettings#KEY_RING_LISTENERS}. */
        public Builder listener(KeyRingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        public Builder serviceLoader(boolean enabled) {
            this.serviceLoader = enabled;
            return this;
        }

        public Builder trustedPaths(TrustedMasterKeyPaths trustedPaths) {
            this.trustedPaths = Objects.requireNonNull(trustedPaths, "trustedPaths");
            return this;
        }

        public Builder keyCacheTtl(Duration ttl) {
            this.ttl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /** A monotonic nanosecond clock for the key cache; tests advance their own. */
        public Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
            return this;
        }

        public KeyHierarchy build() {
            return new KeyHierarchy(this);
        }
    }
}
