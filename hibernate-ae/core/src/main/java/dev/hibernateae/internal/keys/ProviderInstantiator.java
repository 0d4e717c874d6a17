package dev.hibernateae.internal.keys;

import dev.hibernateae.api.ColumnMasterKeyException;
import dev.hibernateae.spi.ColumnMasterKeyProvider;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * Creates a {@link ColumnMasterKeyProvider} from its class, handing it the settings when it wants them. The first
 * of these that the class declares is used:
 * <ol>
 *   <li>{@code public static <provider> fromSettings(Map<String, Object> settings)};</li>
 *   <li>a public constructor taking {@code Map<String, Object>} (the settings);</li>
 *   <li>a public no-argument constructor.</li>
 * </ol>
 * The same rule serves the {@code hibernate.ae.providers} setting and the built-in providers known by name, so a
 * provider that needs configuration (a keystore file, a vault URL) can be registered by class name alone.
 */
final class ProviderInstantiator {
    static final String FACTORY_METHOD = "fromSettings";

    private ProviderInstantiator() {
    }

    /** Loads {@code className} with {@code classLoader} and instantiates it; {@code origin} names the setting. */
    static ColumnMasterKeyProvider instantiate(String className, ClassLoader classLoader, Map<String, Object> settings,
            String origin) {
        Class<?> type;
        try {
            type = Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ColumnMasterKeyException("Column master key provider class '" + className + "' named by "
                    + origin + " cannot be loaded: put its jar on the class path or correct the class name", e);
        }
        return instantiate(type, settings, origin);
    }

    static ColumnMasterKeyProvider instantiate(Class<?> type, Map<String, Object> settings, String origin) {
        if (!ColumnMasterKeyProvider.class.isAssignableFrom(type)) {
            throw new ColumnMasterKeyException("Class '" + type.getName() + "' named by " + origin
                    + " does not implement " + ColumnMasterKeyProvider.class.getName());
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new ColumnMasterKeyException("Column master key provider class '" + type.getName() + "' named by "
                    + origin + " is abstract; name a concrete class");
        }
        Object provider;
        try {
            Method factory = factoryMethod(type);
            if (factory != null) {
                provider = factory.invoke(null, settings);
            } else {
                Constructor<?> withSettings = constructor(type, Map.class);
                provider = withSettings != null ? withSettings.newInstance(settings) : noArgs(type, origin).newInstance();
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ColumnMasterKeyException("Column master key provider '" + type.getName() + "' named by " + origin
                    + " failed to start: " + cause.getMessage() + ". Check its settings", cause);
        } catch (ReflectiveOperationException e) {
            throw new ColumnMasterKeyException("Column master key provider '" + type.getName() + "' named by " + origin
                    + " cannot be instantiated: make the class and its factory method or constructor public", e);
        }
        if (!(provider instanceof ColumnMasterKeyProvider)) {
            throw new ColumnMasterKeyException("Method " + type.getName() + "." + FACTORY_METHOD + " named by " + origin
                    + " returned " + (provider == null ? "null" : provider.getClass().getName())
                    + " instead of a column master key provider");
        }
        return (ColumnMasterKeyProvider) provider;
    }

    private static Method factoryMethod(Class<?> type) {
        try {
            Method method = type.getMethod(FACTORY_METHOD, Map.class);
            return Modifier.isStatic(method.getModifiers()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Constructor<?> noArgs(Class<?> type, String origin) {
        Constructor<?> constructor = constructor(type);
        if (constructor == null) {
            throw new ColumnMasterKeyException("Column master key provider '" + type.getName() + "' named by " + origin
                    + " has neither a public static " + FACTORY_METHOD + "(Map) method, nor a public constructor "
                    + "taking a Map of settings, nor a public no-argument constructor: add one of them");
        }
        return constructor;
    }
}
