package dev.hibernateae.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tool's exit codes. Scripts branch on them (3 means "run it again"), so they never change; every command's help
 * lists them from {@link #help()}, and the parser's own outcomes are mapped onto them (a usage error is
 * {@link #USAGE}, {@code --help} is {@link #OK}).
 */
final class ExitCodes {
    /** Done. */
    static final int OK = 0;
    /** The operation failed: a database, key store or key error; the message says what and what to do. */
    static final int FAILED = 1;
    /** The command line is wrong (unknown command or option, missing or bad value). */
    static final int USAGE = 2;
    /** A job stopped before completing: values it cannot read, or it was interrupted. Run it again to resume. */
    static final int INCOMPLETE = 3;
    /** No database to connect to, settings that cannot be read, or a setting that is unknown or bad. */
    static final int CONFIGURATION = 4;

    private ExitCodes() {
    }

    /** Code and meaning, in order, for the "Exit codes:" section of the help. */
    static Map<String, String> help() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(String.valueOf(OK), "done");
        codes.put(String.valueOf(FAILED), "failed (database, key store or key error)");
        codes.put(String.valueOf(USAGE), "bad command line");
        codes.put(String.valueOf(INCOMPLETE), "job incomplete (unreadable values or interrupted: run it again to resume)");
        codes.put(String.valueOf(CONFIGURATION), "configuration (no database URL, unreadable settings file, unknown or bad setting)");
        return codes;
    }
}
