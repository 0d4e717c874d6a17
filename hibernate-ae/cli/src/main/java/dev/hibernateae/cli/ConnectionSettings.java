package dev.hibernateae.cli;

import dev.hibernateae.api.EncryptionSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the database and the key store are: from flags, else environment variables, else a properties file
 * ({@code --config} or {@code HAE_CONFIG}). Passwords are read from environment variables or files, never taken
 * on the command line (where every user of the machine could read them), and never printed.
 */
final class ConnectionSettings {
    static final List<Option> OPTIONS = List.of(
            Option.value("config", "FILE", "properties file with url, user, password and hibernate.ae.* settings "
                    + "(env HAE_CONFIG)"),
            Option.value("url", "JDBC_URL", "database URL (env HAE_URL)"),
            Option.value("user", "NAME", "database user (env HAE_USER)"),
            Option.value("password-env", "VARIABLE", "environment variable holding the database password "
                    + "(default HAE_PASSWORD)"),
            Option.value("password-file", "FILE", "file holding the database password"),
            Option.value("keystore", "FILE", "PKCS12/JKS keystore of MSSQL_JAVA_KEYSTORE master keys "
                    + "(env HAE_KEYSTORE)"),
            Option.value("keystore-type", "TYPE", "PKCS12 (default) or JKS"),
            Option.value("keystore-password-env", "VARIABLE", "environment variable holding the keystore password "
                    + "(default HAE_KEYSTORE_PASSWORD)"),
            Option.value("keystore-password-file", "FILE", "file holding the keystore password"),
            Option.value("trusted-key-paths", "PATHS", "comma-separated column master key paths to trust (keystore "
                    + "aliases, key URLs; env HAE_TRUSTED_KEY_PATHS, or hibernate.ae.trusted_master_key_paths in the "
                    + "--config file)"),
            Option.repeated("set", "KEY=VALUE", "any hibernate.ae.* setting (providers, trusted paths...)"),
            Option.flag("help", "this help"));

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

    static ConnectionSettings resolve(Arguments arguments, Map<String, String> env) {
        Properties file = load(first(arguments.value("config"), env.get("HAE_CONFIG")));
        Map<String, Object> settings = new HashMap<>();
        for (String name : file.stringPropertyNames()) {
            if (name.startsWith(EncryptionSettings.PREFIX)) {
                settings.put(name, file.getProperty(name));
            }
        }
        String url = first(arguments.value("url"), env.get("HAE_URL"), file.getProperty("url"),
                file.getProperty("hibernate.connection.url"), file.getProperty("jakarta.persistence.jdbc.url"));
        if (url == null) {
            throw new ConfigurationException("No database: give --url, set HAE_URL, or put url=... in the --config "
                    + "file");
        }
        String user = first(arguments.value("user"), env.get("HAE_USER"), file.getProperty("user"),
                file.getProperty("hibernate.connection.username"), file.getProperty("jakarta.persistence.jdbc.user"));
        String password = secret(arguments.value("password-env"), arguments.value("password-file"), env,
                "HAE_PASSWORD", first(file.getProperty("password"), file.getProperty("hibernate.connection.password"),
                        file.getProperty("jakarta.persistence.jdbc.password")));

        String keystore = first(arguments.value("keystore"), env.get("HAE_KEYSTORE"));
        if (keystore != null) {
            settings.put(EncryptionSettings.KEYSTORE_LOCATION, keystore);
        }
        if (arguments.value("keystore-type") != null) {
            settings.put(EncryptionSettings.KEYSTORE_TYPE, arguments.value("keystore-type"));
        }
        String keystorePassword = secret(arguments.value("keystore-password-env"),
                arguments.value("keystore-password-file"), env, "HAE_KEYSTORE_PASSWORD", null);
        if (keystorePassword != null) {
            // One password source only: the one resolved here replaces any the settings file named.
            settings.remove(EncryptionSettings.KEYSTORE_PASSWORD_ENV);
            settings.remove(EncryptionSettings.KEYSTORE_PASSWORD_FILE);
            settings.put(EncryptionSettings.KEYSTORE_PASSWORD, keystorePassword);
        } else if (settings.get(EncryptionSettings.KEYSTORE_PASSWORD_ENV) instanceof String variable) {
            String value = env.get(variable);
            if (value != null) {
                settings.remove(EncryptionSettings.KEYSTORE_PASSWORD_ENV);
                settings.put(EncryptionSettings.KEYSTORE_PASSWORD, value);
            }
        }
        String trusted = first(arguments.value("trusted-key-paths"), env.get("HAE_TRUSTED_KEY_PATHS"));
        if (trusted != null) {
            settings.put(EncryptionSettings.TRUSTED_MASTER_KEY_PATHS, trusted);
        }
        for (String assignment : arguments.all("set")) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--set needs KEY=VALUE, got '" + assignment + "'");
            }
            settings.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1).trim());
        }
        return new ConnectionSettings(url, user, password, settings);
    }

    private static String secret(String variable, String file, Map<String, String> env, String defaultVariable,
            String fromConfig) {
        if (variable != null && file != null) {
            throw new UsageException("Give a password either from an environment variable or from a file, not both");
        }
        if (variable != null) {
            String value = env.get(variable);
            if (value == null) {
                throw new ConfigurationException("Environment variable " + variable + " is not set");
            }
            return value;
        }
        if (file != null) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8).replaceFirst("\\R$", "");
            } catch (IOException e) {
                throw new ConfigurationException("Cannot read the password file " + file + ": " + e.getMessage());
            }
        }
        return first(env.get(defaultVariable), fromConfig);
    }

    private static Properties load(String path) {
        Properties properties = new Properties();
        if (path == null) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the settings file " + path + ": " + e.getMessage());
        }
        return properties;
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return null;
    }

    /** Settings that cannot be used: exit code {@link ExitCodes#CONFIGURATION}. */
    static final class ConfigurationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConfigurationException(String message) {
            super(message);
        }
    }
}
