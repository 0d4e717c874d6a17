package dev.hibernateae.internal.keys;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.spi.KeyRingListener;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link KeyRingListener}s of one key hierarchy, told as one: from {@link EncryptionSettings#KEY_RING_LISTENERS}
 * and from code. A listener that throws is logged once (per listener and event) and otherwise ignored, so observing
 * the key ring can never fail a key lookup. With no listener, {@link #NONE} does nothing, cheaply.
 */
public final class KeyRingListeners implements KeyRingListener {
    private static final System.Logger LOG = System.getLogger(KeyRingListeners.class.getName());

    /** Tells nobody. */
    public static final KeyRingListener NONE = new KeyRingListener() {
        @Override
        public String toString() {
            return "no key ring listener";
        }
    };

    private final List<KeyRingListener> listeners;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    private KeyRingListeners(List<KeyRingListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** One listener for all of {@code listeners}: {@link #NONE} if there are none. */
    public static KeyRingListener of(List<KeyRingListener> listeners) {
        return listeners.isEmpty() ? NONE : new KeyRingListeners(listeners);
    }

    /**
     * The listeners {@link EncryptionSettings#KEY_RING_LISTENERS} names ({@link AeConfig#keyRingListeners()}): class
     * names, classes or instances.
     *
     * @throws AlwaysEncryptedException naming the setting when a class cannot be loaded or instantiated
     */
    public static List<KeyRingListener> from(AeConfig config, ClassLoader classLoader) {
        List<KeyRingListener> listeners = new ArrayList<>();
        for (Object item : config.keyRingListeners()) {
            if (item instanceof KeyRingListener listener) {
                listeners.add(listener);
            } else if (item instanceof Class<?> type) {
                listeners.add(instantiate(type));
            } else if (item instanceof String name) {
                listeners.add(instantiate(load(name, classLoader)));
            } else {
                throw new AlwaysEncryptedException("Setting " + EncryptionSettings.KEY_RING_LISTENERS + " holds a "
                        + item.getClass().getName() + "; give class names (comma-separated), classes or "
                        + KeyRingListener.class.getSimpleName() + " instances");
            }
        }
        return listeners;
    }

    private static Class<?> load(String className, ClassLoader classLoader) {
        try {
            return Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AlwaysEncryptedException("Key ring listener class '" + className + "' named by setting "
                    + EncryptionSettings.KEY_RING_LISTENERS + " cannot be loaded: put its jar on the class path or "
                    + "correct the class name", e);
        }
    }

    private static KeyRingListener instantiate(Class<?> type) {
        if (!KeyRingListener.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            throw new AlwaysEncryptedException("Class '" + type.getName() + "' named by setting "
                    + EncryptionSettings.KEY_RING_LISTENERS + " is not a concrete " + KeyRingListener.class.getName());
        }
        try {
            return (KeyRingListener) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new AlwaysEncryptedException("Key ring listener class '" + type.getName() + "' named by setting "
                    + EncryptionSettings.KEY_RING_LISTENERS + " needs a public no-argument constructor", e);
        } catch (InstantiationException | InvocationTargetException e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            throw new AlwaysEncryptedException("Key ring listener class '" + type.getName() + "' named by setting "
                    + EncryptionSettings.KEY_RING_LISTENERS + " could not be created: " + cause, cause);
        }
    }

    @Override
    public void keyUnwrapped(String keyName, String providerName, Duration duration) {
        for (KeyRingListener listener : listeners) {
            try {
                listener.keyUnwrapped(keyName, providerName, duration);
            } catch (RuntimeException e) {
                failed(listener, "keyUnwrapped", e);
            }
        }
    }

    @Override
    public void cacheHit(String keyName) {
        for (KeyRingListener listener : listeners) {
            try {
                listener.cacheHit(keyName);
            } catch (RuntimeException e) {
                failed(listener, "cacheHit", e);
            }
        }
    }

    @Override
    public void cacheMiss(String keyName) {
        for (KeyRingListener listener : listeners) {
            try {
                listener.cacheMiss(keyName);
            } catch (RuntimeException e) {
                failed(listener, "cacheMiss", e);
            }
        }
    }

    @Override
    public void keyStoreFailed(String keyName, String providerName, Class<? extends Throwable> failure,
            Duration duration) {
        for (KeyRingListener listener : listeners) {
            try {
                listener.keyStoreFailed(keyName, providerName, failure, duration);
            } catch (RuntimeException e) {
                failed(listener, "keyStoreFailed", e);
            }
        }
    }

    private void failed(KeyRingListener listener, String event, RuntimeException e) {
        if (logged.add(listener.getClass().getName() + "#" + event)) {
            // The class only: a listener's message is not ours to vouch for.
            LOG.log(System.Logger.Level.WARNING, "Key ring listener {0} threw {1} in {2}; it is ignored (logged once)",
                    listener.getClass().getName(), e.getClass().getName(), event);
        }
    }

    @Override
    public String toString() {
        return "KeyRingListeners" + listeners;
    }
}
