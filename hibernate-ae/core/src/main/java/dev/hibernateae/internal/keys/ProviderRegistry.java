package dev.hibernateae.internal.keys;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The column master key providers of one application, by name (case-insensitive). Providers come from, in order of
 * precedence when two share a name:
 * <ol>
 *   <li>registration in code ({@link Builder#provider});</li>
 *   <li>the setting {@link EncryptionSettings#PROVIDERS} (class names, classes or instances);</li>
 *   <li>{@code META-INF/services/dev.hibernateae.spi.ColumnMasterKeyProvider} (public no-argument constructor);</li>
 *   <li>the built-in providers, known by name and class name only ({@code MSSQL_JAVA_KEYSTORE} →
 *       {@code dev.hibernateae.keystore.JavaKeyStoreProvider}). They are created from the settings the first time a
 *       column master key names them, so an application that never uses the keystore needs no keystore settings,
 *       and core needs no compile-time dependency on a provider module.</li>
 * </ol>
 * Immutable once built, apart from the memoized built-in instances; thread-safe.
 */
public final class ProviderRegistry {
    private static final System.Logger LOG = System.getLogger(ProviderRegistry.class.getName());

    /** Providers hibernate-ae knows by name; each class follows {@link ProviderInstantiator}'s rule. */
    static final Map<String, String> BUILT_IN = Map.of(
            "MSSQL_JAVA_KEYSTORE", "dev.hibernateae.keystore.JavaKeyStoreProvider");

    private final Map<String, ColumnMasterKeyProvider> registered;
    private final Map<String, String> builtIn;
    private final Map<String, ColumnMasterKeyProvider> builtInInstances = new ConcurrentHashMap<>();
    private final Map<String, Object> settings;
    private final ClassLoader classLoader;

    private ProviderRegistry(Builder builder, Map<String, ColumnMasterKeyProvider> registered) {
        this.registered = Collections.unmodifiableMap(registered);
        this.settings = builder.config.settings();
        this.classLoader = builder.classLoader;
        Map<String, String> builtIn = new LinkedHashMap<>();
        builder.builtIn.forEach((name, className) -> {
            if (!registered.containsKey(key(name))) {
                builtIn.put(key(name), className);
            }
        });
        this.builtIn = Collections.unmodifiableMap(builtIn);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The provider registered under {@code name}.
     *
     * @throws ColumnMasterKeyException naming the registered providers when none has that name, or when a built-in
     *         provider cannot be created from the settings
     */
    public ColumnMasterKeyProvider provider(String name) {
        if (name == null || name.isBlank()) {
            throw new ColumnMasterKeyException("No column master key provider name given; registered providers: "
                    + names());
        }
        String key = key(name);
        ColumnMasterKeyProvider provider = registered.get(key);
        if (provider != null) {
            return provider;
        }
        String className = builtIn.get(key);
        if (className == null) {
            throw new ColumnMasterKeyException("Unknown column master key provider '" + name + "'. Registered "
                    + "providers: " + names() + ". Register it through setting " + EncryptionSettings.PROVIDERS
                    + ", META-INF/services/" + ColumnMasterKeyProvider.class.getName()
                    + " or in code, or correct the provider name of the column master key");
        }
        return builtInInstances.computeIfAbsent(key, k -> createBuiltIn(name, className));
    }

    /** Whether {@code name} is registered (built-in providers count even before they are created). */
    public boolean contains(String name) {
        return name != null && (registered.containsKey(key(name)) || builtIn.containsKey(key(name)));
    }

    /** The registered provider names, sorted, as the providers spell them. */
    public Collection<String> names() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        registered.values().forEach(p -> names.add(p.name()));
        names.addAll(builtIn.keySet());
        return Collections.unmodifiableSet(names);
    }

    private ColumnMasterKeyProvider createBuiltIn(String name, String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ColumnMasterKeyException("Column master key provider '" + name + "' is built in but its class "
                    + className + " is not on the class path: add the hibernate-ae module that ships it", e);
        }
        ColumnMasterKeyProvider provider = ProviderInstantiator.instantiate(type, settings,
                "built-in provider " + name);
        if (!key(provider.name()).equals(key(name))) {
            throw new ColumnMasterKeyException("Built-in provider class " + className + " calls itself '"
                    + provider.name() + "', not '" + name + "'");
        }
        return provider;
    }

    static String key(String name) {
        return name.trim().toUpperCase(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return "ProviderRegistry" + names();
    }

    /** Collects providers from code, settings and the class path. */
    public static final class Builder {
        private final List<ColumnMasterKeyProvider> programmatic = new ArrayList<>();
        private AeConfig config = AeConfig.DEFAULTS;
        private ClassLoader classLoader = ProviderRegistry.class.getClassLoader();
        private boolean serviceLoader = true;
        private final Map<String, String> builtIn = new LinkedHashMap<>(BUILT_IN);

        private Builder() {
        }

        /** The Hibernate settings, parsed by {@link AeConfig#of}: see {@link #config}. */
        public Builder settings(Map<String, ?> settings) {
            return config(AeConfig.of(Objects.requireNonNull(settings)));
        }

        /** The settings: {@link EncryptionSettings#PROVIDERS} is read from them, and providers get them. */
        public Builder config(AeConfig config) {
            this.config = Objects.requireNonNull(config);
            return this;
        }

        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader);
            return this;
        }

        /** Registers a provider in code; it wins over a provider of the same name from any other source. */
        public Builder provider(ColumnMasterKeyProvider provider) {
            programmatic.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Whether to look in {@code META-INF/services} (default yes). */
        public Builder serviceLoader(boolean enabled) {
            this.serviceLoader = enabled;
            return this;
        }

        /** Adds or replaces a provider known by name and created from its class on first use. */
        Builder builtIn(String name, String className) {
            builtIn.put(key(name), className);
            return this;
        }

        public ProviderRegistry build() {
            Map<String, ColumnMasterKeyProvider> byName = new LinkedHashMap<>();
            // Lowest precedence first; a later source replaces an earlier one of the same name.
            if (serviceLoader) {
                addAll(byName, fromServiceLoader(), "META-INF/services");
            }
            addAll(byName, fromSettings(), "setting " + EncryptionSettings.PROVIDERS);
            addAll(byName, programmatic, "code");
            return new ProviderRegistry(this, byName);
        }

        private static void addAll(Map<String, ColumnMasterKeyProvider> byName,
                List<ColumnMasterKeyProvider> providers, String source) {
            Map<String, ColumnMasterKeyProvider> fromThisSource = new LinkedHashMap<>();
            for (ColumnMasterKeyProvider provider : providers) {
                String name = provider.name();
                if (name == null || name.isBlank()) {
                    throw new ColumnMasterKeyException("Column master key provider " + provider.getClass().getName()
                            + " registered through " + source + " has no name");
                }
                ColumnMasterKeyProvider twin = fromThisSource.put(key(name), provider);
                if (twin != null && twin != provider) {
                    throw new ColumnMasterKeyException("Two column master key providers registered through " + source
                            + " are both named '" + name + "' (" + twin.getClass().getName() + " and "
                            + provider.getClass().getName() + "): remove one");
                }
            }
            fromThisSource.forEach((key, provider) -> {
                ColumnMasterKeyProvider replaced = byName.put(key, provider);
                if (replaced != null && replaced != provider) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "Column master key provider " + provider.name() + " from "
                            + source + " replaces " + replaced.getClass().getName());
                }
            });
        }

        private List<ColumnMasterKeyProvider> fromServiceLoader() {
            List<ColumnMasterKeyProvider> found = new ArrayList<>();
            try {
                ServiceLoader.load(ColumnMasterKeyProvider.class, classLoader).forEach(found::add);
            } catch (ServiceConfigurationError e) {
                throw new ColumnMasterKeyException("A column master key provider listed in META-INF/services/"
                        + ColumnMasterKeyProvider.class.getName() + " cannot be loaded: " + e.getMessage(), e);
            }
            return found;
        }

        private List<ColumnMasterKeyProvider> fromSettings() {
            List<ColumnMasterKeyProvider> providers = new ArrayList<>();
            Map<String, Object> settings = config.settings();
            for (Object entry : config.providers()) {
                String origin = "setting " + EncryptionSettings.PROVIDERS;
                if (entry instanceof ColumnMasterKeyProvider provider) {
                    providers.add(provider);
                } else if (entry instanceof Class<?> type) {
                    providers.add(ProviderInstantiator.instantiate(type, settings, origin));
                } else if (entry instanceof String className) {
                    providers.add(ProviderInstantiator.instantiate(className, classLoader, settings, origin));
                } else {
                    throw new ColumnMasterKeyException("Setting " + EncryptionSettings.PROVIDERS + " holds a "
                            + entry.getClass().getName() + "; give class names (comma-separated), classes or "
                            + "provider instances");
                }
            }
            return providers;
        }
    }
}
