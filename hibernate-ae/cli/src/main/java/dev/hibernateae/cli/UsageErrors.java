package dev.hibernateae.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that cannot run: says what is wrong and how to see every option, and exits with
 * {@link ExitCodes#USAGE}. Unknown options are named without what follows them: with {@code --password=secret} or
 * {@code --password secret} the word after the name is likely a password, and it stays off the screen and logs.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        return report(ex.getCommandLine(), message(ex), ex);
    }

    /** Prints {@code message} with the command's usage line; {@link ExitCodes#USAGE}. */
    static int report(CommandLine command, String message) {
        return report(command, message, null);
    }

    private static int report(CommandLine command, String message, ParameterException ex) {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + message);
        if (ex != null) {
            UnmatchedArgumentException.printSuggestions(ex, err); // option or command names only
        }
        err.print(command.getHelp().synopsisHeading() + command.getHelp().synopsis(0));
        err.println(isRoot(command) ? "Run '" + name + " help' for more."
                : "Run '" + name + " --help' for every option.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static String message(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException unmatched)) {
            return ex.getMessage();
        }
        List<String> arguments = unmatched.getUnmatched();
        for (String argument : arguments) {
            if (argument.startsWith("-")) {
                int equals = argument.indexOf('=');
                return "Unknown option " + (equals < 0 ? argument : argument.substring(0, equals));
            }
        }
        CommandLine command = ex.getCommandLine();
        if (isRoot(command)) {
            return "Unknown command '" + arguments.get(0) + "'. Commands: "
                    + String.join(", ", command.getSubcommands().keySet());
        }
        return "Unexpected argument(s) " + arguments;
    }

    private static boolean isRoot(CommandLine command) {
        return command.getParent() == null && !command.getSubcommands().isEmpty();
    }
}
