package dev.hibernateae.cli;

import dev.hibernateae.api.AlwaysEncryptedException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar hibernate-ae-cli.jar COMMAND [options]}: key administration and the key lifecycle (master and
 * encryption key rotation, encryption in place) from the command line. Prints names, paths and counts, never a
 * key's bytes or an encrypted value.
 */
public final class Main {
    private static final String TOOL = "hibernate-ae-cli";
    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command command : List.of(new CreateCmkCommand(), new CreateCekCommand(), new DropCekCommand(),
                new ListKeysCommand(),
                new RotateCmkCommand(), new RotateCekCommand(), InPlaceCommand.encrypt(), InPlaceCommand.decrypt(),
                new StatusCommand(), new AuthenticateRecordsCommand())) {
            COMMANDS.put(command.name(), command);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one command line; what {@link #main} does, without exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            if (args.length > 1 && COMMANDS.containsKey(args[1])) {
                out.print(help(COMMANDS.get(args[1])));
            } else {
                out.print(overview());
            }
            return args.length == 0 ? ExitCodes.USAGE : ExitCodes.OK;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("Unknown command '" + args[0] + "'. Commands: " + String.join(", ", COMMANDS.keySet()));
            err.println("Run '" + TOOL + " help' for more.");
            return ExitCodes.USAGE;
        }
        List<Option> options = new ArrayList<>(command.options());
        options.addAll(ConnectionSettings.OPTIONS);
        Arguments arguments;
        try {
            arguments = Arguments.parse(Arrays.asList(args).subList(1, args.length), options);
        } catch (UsageException e) {
            return usage(command, e, err);
        }
        if (arguments.flag("help")) {
            out.print(help(command));
            return ExitCodes.OK;
        }
        try {
            return command.run(arguments, new Context(out, err, env, arguments));
        } catch (UsageException e) {
            return usage(command, e, err);
        } catch (ConnectionSettings.ConfigurationException e) {
            err.println(TOOL + " " + command.name() + ": " + e.getMessage());
            return ExitCodes.CONFIGURATION;
        } catch (AlwaysEncryptedException e) {
            err.println(TOOL + " " + command.name() + " failed: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IllegalArgumentException e) {
            return usage(command, new UsageException(e.getMessage()), err);
        } catch (RuntimeException e) {
            err.println(TOOL + " " + command.name() + " failed: " + e);
            return ExitCodes.FAILED;
        }
    }

    private static int usage(Command command, UsageException e, PrintStream err) {
        err.println(TOOL + " " + command.name() + ": " + e.getMessage());
        err.println("Usage: " + TOOL + " " + command.name() + " " + command.synopsis());
        err.println("Run '" + TOOL + " " + command.name() + " --help' for every option.");
        return ExitCodes.USAGE;
    }

    static String overview() {
        StringBuilder text = new StringBuilder("Usage: " + TOOL + " COMMAND [options]\n\n"
                + "Column master keys, column encryption keys and their lifecycle, for hibernate-ae.\n\nCommands:\n");
        for (Command command : COMMANDS.values()) {
            text.append(String.format("  %-15s %s%n", command.name(), command.summary()));
        }
        text.append("\nRun '").append(TOOL).append(" COMMAND --help' for a command's options.\n")
                .append("Connection: --url/--user/--password-env, or HAE_URL/HAE_USER/HAE_PASSWORD, or a --config "
                        + "properties file.\n").append(ExitCodes.describe()).append('\n');
        return text.toString();
    }

    static String help(Command command) {
        StringBuilder text = new StringBuilder("Usage: " + TOOL + " " + command.name() + " " + command.synopsis()
                + "\n\n" + command.description() + "\n");
        if (!command.options().isEmpty()) {
            text.append("\nOptions:\n");
            appendOptions(text, command.options());
        }
        text.append("\nConnection and key store (flags, else environment, else the --config file):\n");
        appendOptions(text, ConnectionSettings.OPTIONS);
        text.append('\n').append(ExitCodes.describe()).append('\n');
        return text.toString();
    }

    private static void appendOptions(StringBuilder text, List<Option> options) {
        for (Option option : options) {
            text.append(String.format("  %-32s %s%n", option.synopsis() + (option.repeatable() ? " ..." : ""),
                    option.help()));
        }
    }
}
