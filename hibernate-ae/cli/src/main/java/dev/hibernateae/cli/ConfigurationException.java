package dev.hibernateae.cli;

/** Settings that cannot be used (no database, an unreadable file, a missing variable): {@link ExitCodes#CONFIGURATION}. */
final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigurationException(String message) {
        super(message);
    }
}
