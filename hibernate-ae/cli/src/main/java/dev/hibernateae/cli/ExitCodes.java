package dev.hibernateae.cli;

/** The tool's exit codes, documented in {@code help}. */
final class ExitCodes {
    /** Done. */
    static final int OK = 0;
    /** The operation failed: a database, key store or key error; the message says what and what to do. */
    static final int FAILED = 1;
    /** The command line is wrong (unknown command or flag, missing or bad value). */
    static final int USAGE = 2;
    /** A job stopped before completing: values it cannot read, or it was interrupted. Run it again to resume. */
    static final int INCOMPLETE = 3;
    /** No database to connect to, or settings that cannot be read. */
    static final int CONFIGURATION = 4;

    private ExitCodes() {
    }

    static String describe() {
        return "Exit codes: 0 done; 1 failed (database, key store or key error); 2 bad command line; "
                + "3 job incomplete (unreadable values or interrupted: run it again to resume); "
                + "4 configuration (no database URL, unreadable settings file)";
    }
}
