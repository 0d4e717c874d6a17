package dev.hibernateae.internal.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The DDL of the key and lifecycle tables, written once as two templates (the tables, and the upgrade from
 * hibernate-ae 0.1) and rendered for each {@link KeyTables.Database} with that database's words: its binary and
 * timestamp types, the case-sensitive type of key names, its table options. The scripts shipped under
 * {@value KeyTables#DDL_DIRECTORY} are these renderings, which a test checks.
 */
public final class KeyTablesDdl {
    private static final String TABLES_TEMPLATE = "dev/hibernateae/internal/keys/key-tables.sql";
    private static final String UPGRADE_TEMPLATE = "dev/hibernateae/internal/keys/upgrade-0.1.sql";
    private static final Pattern WORD = Pattern.compile("\\$\\{([a-z_]+)(?::([^}]*))?}");
    private static final String KEY_NAME = "VARCHAR(128)";

    private KeyTablesDdl() {
    }

    /** The script that creates the tables on {@code database} when they do not exist. */
    public static String tables(KeyTables.Database database) {
        return render(TABLES_TEMPLATE, database);
    }

    /** The script that brings hibernate-ae 0.1's lifecycle tables on {@code database} up to date. */
    public static String upgrade(KeyTables.Database database) {
        return render(UPGRADE_TEMPLATE, database);
    }

    private static String render(String template, KeyTables.Database database) {
        String text = read(template).lines().filter(line -> !line.startsWith("--!"))
                .collect(Collectors.joining("\n", "", "\n"));
        Matcher word = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (word.find()) {
            word.appendReplacement(out, Matcher.quoteReplacement(word(database, word.group(1), word.group(2))));
        }
        return word.appendTail(out).toString();
    }

    private static String word(KeyTables.Database database, String word, String argument) {
        boolean mariaDb = database == KeyTables.Database.MARIADB;
        return switch (word) {
            case "database" -> switch (database) {
                case H2 -> "H2 2.x (tested with H2 2.3)";
                case POSTGRESQL -> "PostgreSQL (tested with PostgreSQL 15)";
                case MARIADB -> "MariaDB (tested with MariaDB 10.11)";
            };
            case "product" -> switch (database) {
                case H2 -> "H2";
                case POSTGRESQL -> "PostgreSQL";
                case MARIADB -> "MariaDB";
            };
            case "collation_note" -> mariaDb
                    ? " Key names use a binary collation so that they are case-sensitive, as on other databases." : "";
            case "key_name" -> keyName(database);
            case "key_name_not_null" -> mariaDb ? "MODIFY " + argument + " " + keyName(database) + " NOT NULL"
                    : "ALTER COLUMN " + argument + " SET NOT NULL";
            case "binary" -> database == KeyTables.Database.POSTGRESQL ? "BYTEA" : "VARBINARY(" + argument + ")";
            case "timestamp" -> mariaDb ? "DATETIME(6)" : "TIMESTAMP(6)";
            case "table_options" -> mariaDb ? " ENGINE = InnoDB DEFAULT CHARSET = utf8mb4" : "";
            default -> throw new IllegalStateException("Unknown word ${" + word + "} in a DDL template");
        };
    }

    /** Key, table and column names: case-sensitive, as on other databases (MariaDB compares text without case). */
    private static String keyName(KeyTables.Database database) {
        return database == KeyTables.Database.MARIADB ? KEY_NAME + " COLLATE utf8mb4_bin" : KEY_NAME;
    }

    /** Through the class, not its loader: on the module path a resource in a package is visible to its module only. */
    private static String read(String resource) {
        try (InputStream in = KeyTablesDdl.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("The hibernate-ae jar lacks " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
