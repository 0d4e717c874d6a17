package dev.hibernateae.cli;

import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.lifecycle.KeyLifecycle;
import java.io.PrintStream;
import java.util.Map;

/** What a command runs with: its output streams, the environment, and the database and keys it acts on. */
final class Context {
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    private final Arguments arguments;
    private KeyLifecycle lifecycle;

    Context(PrintStream out, PrintStream err, Map<String, String> env, Arguments arguments) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.arguments = arguments;
    }

    /** The lifecycle API over the configured database and key store, created on first use. */
    KeyLifecycle lifecycle() {
        return lifecycle(null);
    }

    /**
     * The lifecycle API, trusting {@code keyPath} as well as the configured master key paths: the path of a column
     * master key the command itself was asked to create.
     */
    KeyLifecycle lifecycle(String keyPath) {
        if (lifecycle == null) {
            ConnectionSettings settings = ConnectionSettings.resolve(arguments, env);
            Map<String, Object> all = new java.util.HashMap<>(settings.settings);
            if (keyPath != null && !Boolean.parseBoolean(String.valueOf(all.get(
                    EncryptionSettings.TRUST_ANY_MASTER_KEY_PATH)))) {
                Object trusted = all.get(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS);
                all.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS,
                        trusted == null || trusted.toString().isBlank() ? keyPath : trusted + "," + keyPath);
            }
            lifecycle = KeyLifecycle.builder()
                    .dataSource(new DriverDataSource(settings.url, settings.user, settings.password))
                    .settings(all)
                    .build();
            // The key and lifecycle tables, when missing (CREATE TABLE IF NOT EXISTS; no DDL when present).
            lifecycle.createTables();
        }
        return lifecycle;
    }
}
