package dev.hibernateae.cli;

import dev.hibernateae.api.EncryptionSettings;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The connection and key store options that may also come from an environment variable or the {@code --config}
 * file, and from which ones. This table is the single statement of where a setting may come from: the default
 * provider ({@link SettingDefaults}) reads it, error messages name its sources, and tests check the help against it.
 * An option given on the command line always wins; then the variable; then the file's keys, in their order.
 */
enum Setting {
    CONFIG("--config", "HAE_CONFIG"),
    URL("--url", "HAE_URL", "url", "hibernate.connection.url", "jakarta.persistence.jdbc.url"),
    USER("--user", "HAE_USER", "user", "hibernate.connection.username", "jakarta.persistence.jdbc.user"),
    KEYSTORE("--keystore", "HAE_KEYSTORE", EncryptionSettings.KEYSTORE_LOCATION),
    KEYSTORE_TYPE("--keystore-type", null, EncryptionSettings.KEYSTORE_TYPE),
    TRUSTED_KEY_PATHS("--trusted-key-paths", "HAE_TRUSTED_KEY_PATHS", EncryptionSettings.TRUSTED_MASTER_KEY_PATHS);

    final String option;
    /** Null when only the flag and the file can give it. */
    final String variable;
    final List<String> fileKeys;

    Setting(String option, String variable, String... fileKeys) {
        this.option = option;
        this.variable = variable;
        this.fileKeys = List.of(fileKeys);
    }

    static Setting ofOption(String name) {
        for (Setting setting : values()) {
            if (setting.option.equals(name)) {
                return setting;
            }
        }
        return null;
    }

    String fromEnvironment(Map<String, String> env) {
        return variable == null ? null : nonBlank(env.get(variable));
    }

    String fromFile(Properties file) {
        for (String key : fileKeys) {
            String value = nonBlank(file.getProperty(key));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Says every way to give the setting: {@code No database: give --url, set HAE_URL, or put url=... in ...}. */
    String missing(String what) {
        return what + ": give " + option + (variable == null ? "" : ", set " + variable) + ", or put "
                + fileKeys.get(0) + "=... in the --config file";
    }

    /** Blank counts as unset, as an empty {@code export HAE_URL=} or {@code url=} line means. */
    static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
