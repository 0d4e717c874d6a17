package dev.hibernateae.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The {@code --config} file: Java properties in UTF-8, the same file an application's Hibernate settings can be, so
 * the tool reads {@code url}, {@code hibernate.connection.*}, {@code jakarta.persistence.jdbc.*} and
 * {@code hibernate.ae.*} from it.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    /** The file's properties; none without a path. */
    static Properties read(Path path) {
        Properties properties = new Properties();
        if (path == null) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("Cannot read the settings file " + path + ": " + e.getMessage());
        }
        return properties;
    }
}
