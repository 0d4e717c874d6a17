package dev.hibernateae.internal.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.PostgreSQLDialect;

/**
 * The key tables: their names, and their DDL ({@link KeyTablesDdl}, one definition rendered per database), which
 * Hibernate schema generation and the key lifecycle run, and which the jar ships rendered under
 * {@value #DDL_DIRECTORY} (one script per database, for Flyway or Liquibase users).
 */
public final class KeyTables {
    public static final String MASTER_KEYS = "hae_column_master_keys";
    public static final String ENCRYPTION_KEYS = "hae_column_encryption_keys";
    public static final String ENCRYPTION_KEY_VALUES = "hae_column_encryption_key_values";
    public static final String DDL_DIRECTORY = "META-INF/hibernate-ae/ddl/";

    /**
     * Databases with a script; the name is the script's base name. {@link #of(Dialect)} is the one place that decides
     * which database hibernate-ae is on, from Hibernate's dialect (see {@code JdbcDialects} for plain connections).
     */
    public enum Database {
        H2, POSTGRESQL, MARIADB;

        /** The database of {@code dialect}, or empty when hibernate-ae ships no script for it. */
        public static Optional<Database> of(Dialect dialect) {
            if (dialect instanceof H2Dialect) {
                return Optional.of(H2);
            }
            if (dialect instanceof PostgreSQLDialect) {
                return Optional.of(POSTGRESQL);
            }
            if (dialect instanceof MariaDBDialect) {
                return Optional.of(MARIADB);
            }
            return Optional.empty();
        }

        public String scriptResource() {
            return DDL_DIRECTORY + name().toLowerCase(java.util.Locale.ENGLISH) + ".sql";
        }

        /** The script that brings hibernate-ae 0.1's lifecycle tables up to date; safe to run again. */
        public String upgradeScriptResource() {
            return DDL_DIRECTORY + "upgrade-0.1-" + name().toLowerCase(java.util.Locale.ENGLISH) + ".sql";
        }
    }

    private KeyTables() {
    }

    /** The statements of {@code database}'s script, without comments or the trailing semicolons. */
    public static List<String> createStatements(Database database) {
        return statements(KeyTablesDdl.tables(database));
    }

    /** The statements of {@code database}'s upgrade script from hibernate-ae 0.1. */
    public static List<String> upgradeStatements(Database database) {
        return statements(KeyTablesDdl.upgrade(database));
    }

    /** Splits a script at semicolons that end a line; drops {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
