package dev.hibernateae.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The database and key store options every command takes (a picocli mixin). Options named in {@link Setting} fall
 * back to their environment variable, then to the {@code --config} file ({@link SettingDefaults}); the help shows
 * them under their own heading ({@link HelpLayout}).
 *
 * <p>Passwords are not options: a command line is visible to every user of the machine. They come from a variable
 * or a file named here, each pair mutually exclusive, and are resolved by {@link ConnectionSettings}. Files are
 * {@link Path}s so that the shell completes their names.
 */
final class ConnectionOptions {
    /** The mixin's name in every command, by which the help finds its options. */
    static final String MIXIN = "connection";

    @Option(names = "--config", paramLabel = "FILE", description = "properties file with url, user, password and "
            + "hibernate.ae.* settings (env HAE_CONFIG)")
    Path config;

    @Option(names = "--url", paramLabel = "JDBC_URL", description = "database URL (env HAE_URL; file: url, "
            + "hibernate.connection.url or jakarta.persistence.jdbc.url)")
    String url;

    @Option(names = "--user", paramLabel = "NAME", description = "database user (env HAE_USER; file: user, "
            + "hibernate.connection.username or jakarta.persistence.jdbc.user)")
    String user;

    @ArgGroup(exclusive = true)
    DatabasePassword password;

    @Option(names = "--keystore", paramLabel = "FILE", description = "PKCS12/JKS keystore of MSSQL_JAVA_KEYSTORE "
            + "master keys (env HAE_KEYSTORE; file: hibernate.ae.keystore.location)")
    Path keystore;

    @Option(names = "--keystore-type", paramLabel = "TYPE", description = "PKCS12 (default) or JKS "
            + "(file: hibernate.ae.keystore.type)")
    String keystoreType;

    @ArgGroup(exclusive = true)
    KeystorePassword keystorePassword;

    @Option(names = "--trusted-key-paths", paramLabel = "PATHS", description = "comma-separated column master key "
            + "paths to trust (keystore aliases, key URLs; env HAE_TRUSTED_KEY_PATHS; file: "
            + "hibernate.ae.trusted_master_key_paths)")
    String trustedKeyPaths;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "any hibernate.ae.* setting (providers, trusted "
            + "paths...); repeatable, and wins over the file and the options above")
    List<String> set = new ArrayList<>();

    /** Where the database password is, when not in HAE_PASSWORD or the file. */
    static final class DatabasePassword {
        @Option(names = "--password-env", paramLabel = "VARIABLE", description = "environment variable holding the "
                + "database password (default HAE_PASSWORD, else file: password, hibernate.connection.password or "
                + "jakarta.persistence.jdbc.password)")
        String variable;

        @Option(names = "--password-file", paramLabel = "FILE", description = "file holding the database password")
        Path file;
    }

    /** Where the keystore password is, when not in HAE_KEYSTORE_PASSWORD or the file's hibernate.ae.keystore.*. */
    static final class KeystorePassword {
        @Option(names = "--keystore-password-env", paramLabel = "VARIABLE", description = "environment variable "
                + "holding the keystore password (default HAE_KEYSTORE_PASSWORD, else the file's "
                + "hibernate.ae.keystore.password settings)")
        String variable;

        @Option(names = "--keystore-password-file", paramLabel = "FILE", description = "file holding the keystore "
                + "password")
        Path file;
    }
}
