package dev.hibernateae.cli;

import dev.hibernateae.api.AlwaysEncryptedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What a command that threw prints and exits with: hibernate-ae's own exceptions carry a message that says what to
 * do, so it is printed alone ({@link ExitCodes#FAILED}); settings that cannot be used are
 * {@link ExitCodes#CONFIGURATION}; an argument the library rejects (a malformed column name) is a usage error.
 */
final class Failures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
        String name = command.getCommandSpec().qualifiedName();
        if (ex instanceof IllegalArgumentException) {
            return UsageErrors.report(command, ex.getMessage());
        }
        if (ex instanceof ConfigurationException) {
            command.getErr().println(name + ": " + ex.getMessage());
            command.getErr().flush();
            return ExitCodes.CONFIGURATION;
        }
        command.getErr().println(name + " failed: " + (ex instanceof AlwaysEncryptedException ? ex.getMessage() : ex));
        command.getErr().flush();
        return ExitCodes.FAILED;
    }
}
