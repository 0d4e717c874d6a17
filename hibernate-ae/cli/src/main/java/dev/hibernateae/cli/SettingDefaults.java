package dev.hibernateae.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives an option that was not on the command line its value from the environment, else from the {@code --config}
 * file, as {@link Setting} lists them: picocli asks it once the command line is parsed, so a flag always wins and
 * only what the table names is read. The environment is the run's map, not {@code System.getenv()} (which
 * picocli's {@code ${env:...}} defaults read), so tests set variables without touching the process.
 *
 * <p>The file is the one {@code --config} names, else {@code HAE_CONFIG}. One that cannot be read gives no
 * defaults here; the command then reports it with {@link ExitCodes#CONFIGURATION} when it reads its settings.
 */
final class SettingDefaults implements IDefaultValueProvider {
    private final Map<String, String> env;
    private final Map<String, Properties> files = new HashMap<>();

    SettingDefaults(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        Setting setting = arg instanceof OptionSpec option ? Setting.ofOption(option.longestName()) : null;
        if (setting == null) {
            return null;
        }
        String value = setting.fromEnvironment(env);
        if (value == null) {
            value = setting.fromFile(file(arg.command()));
        }
        // picocli expands ${...} and $$ in what a provider returns; a URL or path keeps its dollars as given.
        return value == null ? null : value.replace("$", "$$");
    }

    private Properties file(CommandSpec command) {
        OptionSpec config = command.findOption(Setting.CONFIG.option);
        if (config == null) {
            return new Properties();
        }
        // Options given on the command line are set before picocli asks for defaults: a --config flag is here.
        Object given = config.getValue();
        String file = given != null ? given.toString() : Setting.CONFIG.fromEnvironment(env);
        if (file == null) {
            return new Properties();
        }
        return files.computeIfAbsent(file, SettingDefaults::readQuietly);
    }

    private static Properties readQuietly(String path) {
        try {
            return ConfigFile.read(Path.of(path));
        } catch (ConfigurationException | InvalidPathException reportedLater) {
            return new Properties();
        }
    }
}
