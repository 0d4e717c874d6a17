package dev.hibernateae.cli;

import dev.hibernateae.api.AlwaysEncryptedException;
import dev.hibernateae.api.EncryptionSettings;
import dev.hibernateae.internal.config.AeConfig;
import dev.hibernateae.lifecycle.KeyLifecycle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The database and key store a command acts on: its {@link ConnectionOptions} (already flag, else environment, else
 * file) plus what is not an option: the passwords, the file's other {@code hibernate.ae.*} settings and
 * {@code --set}. Passwords are never printed; messages name the variable or file, not the value.
 */
final class ConnectionSettings {
    static final String PASSWORD_VARIABLE = "HAE_PASSWORD";
    static final String KEYSTORE_PASSWORD_VARIABLE = "HAE_KEYSTORE_PASSWORD";
    private static final String[] PASSWORD_KEYS = {"password", "hibernate.connection.password",
            "jakarta.persistence.jdbc.password"};

    final String url;
    final String user;
    final String password;
    final Map<String, Object> settings;

    private ConnectionSettings(String url, String user, String password, Map<String, Object> settings) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.settings = settings;
    }

    static ConnectionSettings resolve(ConnectionOptions options, Map<String, String> env) {
        Properties file = ConfigFile.read(options.config);
        String url = Setting.nonBlank(options.url);
        if (url == null) {
            throw new ConfigurationException(Setting.URL.missing("No database"));
        }
        Map<String, Object> settings = new HashMap<>();
        for (String name : file.stringPropertyNames()) {
            if (name.startsWith(EncryptionSettings.PREFIX)) {
                settings.put(name, file.getProperty(name));
            }
        }
        putIfGiven(settings, EncryptionSettings.KEYSTORE_LOCATION, options.keystore == null ? null
                : options.keystore.toString());
        putIfGiven(settings, EncryptionSettings.KEYSTORE_TYPE, options.keystoreType);
        putIfGiven(settings, EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, options.trustedKeyPaths);
        keystorePassword(options.keystorePassword, env, settings);
        for (String assignment : options.set) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                // Not echoed: the value may be a password.
                throw new IllegalArgumentException("--set needs KEY=VALUE, for example --set "
                        + EncryptionSettings.PREFIX + "providers=...; one of them has no KEY=");
            }
            settings.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1).trim());
        }
        checked(settings);
        return new ConnectionSettings(url, Setting.nonBlank(options.user), databasePassword(options.password, env,
                file), settings);
    }

    /**
     * The settings parsed as an application parses them, before any connection: a misspelt or bad setting is a
     * configuration error naming it (never a password's value), not a failure of the command.
     */
    private static AeConfig checked(Map<String, Object> settings) {
        try {
            return AeConfig.of(settings);
        } catch (AlwaysEncryptedException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /** The lifecycle API over these settings, also trusting {@code keyPath} when not null; creates missing tables. */
    KeyLifecycle open(String keyPath) {
        Map<String, Object> all = new HashMap<>(settings);
        AeConfig config = checked(settings);
        if (keyPath != null && !config.trustAnyMasterKeyPath()) {
            Set<String> trusted = new LinkedHashSet<>(config.trustedMasterKeyPaths());
            trusted.add(keyPath);
            all.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, String.join(",", trusted));
        }
        KeyLifecycle lifecycle = KeyLifecycle.builder()
                .dataSource(new DriverDataSource(url, user, password))
                .settings(all)
                .build();
        // The key and lifecycle tables, when missing (CREATE TABLE IF NOT EXISTS; no DDL when present).
        lifecycle.createTables();
        return lifecycle;
    }

    /** --password-env or --password-file, else HAE_PASSWORD, else the file's password keys, else none. */
    private static String databasePassword(ConnectionOptions.DatabasePassword given, Map<String, String> env,
            Properties file) {
        if (given != null) {
            return secret("--password", given.variable, given.file, env);
        }
        String value = Setting.nonBlank(env.get(PASSWORD_VARIABLE));
        for (int i = 0; value == null && i < PASSWORD_KEYS.length; i++) {
            value = Setting.nonBlank(file.getProperty(PASSWORD_KEYS[i]));
        }
        return value;
    }

    /**
     * --keystore-password-env or --keystore-password-file, else HAE_KEYSTORE_PASSWORD: it replaces any password
     * source the file named, so there is one. Else the file's hibernate.ae.keystore.password_env is read from this
     * run's environment; else the file's settings stand as they are.
     */
    private static void keystorePassword(ConnectionOptions.KeystorePassword given, Map<String, String> env,
            Map<String, Object> settings) {
        String password = given != null ? secret("--keystore-password", given.variable, given.file, env)
                : Setting.nonBlank(env.get(KEYSTORE_PASSWORD_VARIABLE));
        if (password != null) {
            settings.remove(EncryptionSettings.KEYSTORE_PASSWORD_ENV);
            settings.remove(EncryptionSettings.KEYSTORE_PASSWORD_FILE);
            settings.put(EncryptionSettings.KEYSTORE_PASSWORD, password);
        } else if (settings.get(EncryptionSettings.KEYSTORE_PASSWORD_ENV) instanceof String variable
                && env.get(variable) != null) {
            settings.remove(EncryptionSettings.KEYSTORE_PASSWORD_ENV);
            settings.put(EncryptionSettings.KEYSTORE_PASSWORD, env.get(variable));
        }
    }

    /**
     * The value of the variable ({@code option}-env), or the file's text without its final line break
     * ({@code option}-file); picocli lets only one be given.
     */
    private static String secret(String option, String variable, Path file, Map<String, String> env) {
        if (variable != null) {
            String value = env.get(variable);
            if (value == null) {
                throw new ConfigurationException("Environment variable " + variable + " (" + option + "-env) is not "
                        + "set: export it, or give " + option + "-env the variable that holds the password");
            }
            return value;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\R$", "");
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("Cannot read the password file " + file + " (" + option + "-file): "
                    + e.getMessage());
        }
    }

    private static void putIfGiven(Map<String, Object> settings, String key, String value) {
        String given = Setting.nonBlank(value);
        if (given != null) {
            settings.put(key, given);
        }
    }
}
