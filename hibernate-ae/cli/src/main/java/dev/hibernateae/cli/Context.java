package dev.hibernateae.cli;

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
        if (lifecycle == null) {
            ConnectionSettings settings = ConnectionSettings.resolve(arguments, env);
            lifecycle = KeyLifecycle.builder()
                    .dataSource(new DriverDataSource(settings.url, settings.user, settings.password))
                    .settings(settings.settings)
                    .build();
            // The key and lifecycle tables, when missing (CREATE TABLE IF NOT EXISTS; no DDL when present).
            lifecycle.createTables();
        }
        return lifecycle;
    }
}
