package dev.hibernateae.cli;

/** A command line that cannot be run as given: exit code {@link ExitCodes#USAGE}, with the command's help. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
