package dev.hibernateae.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * {@code java -jar hibernate-ae-cli.jar COMMAND [options]}: key administration and the key lifecycle (master and
 * encryption key rotation, encryption in place) from the command line. Prints names, paths and counts, never a
 * key's bytes or an encrypted value.
 *
 * <p>picocli parses the command line, fills options not given from the environment and the {@code --config} file
 * ({@link SettingDefaults}), and writes the help and the shell completion script; this class wires the commands
 * and maps every outcome onto {@link ExitCodes}.
 */
public final class Main {
    static final String TOOL = "hibernate-ae-cli";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one command line; what {@link #main} does, without exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return commandLine(new Context(out, err, env)).execute(args);
    }

    /** The tool's command line, ready to parse or execute arguments once. */
    static CommandLine commandLine(Context context) {
        CommandLine tool = new CommandLine(new RootCommand());
        for (KeyCommand command : List.of(new CreateCmkCommand(context), new CreateCekCommand(context),
                new DropCekCommand(context), new ListKeysCommand(context), new RotateCmkCommand(context),
                new RotateCekCommand(context), new EncryptColumnCommand(context), new DecryptColumnCommand(context),
                new RebuildTokensCommand(context), new StatusCommand(context),
                new AuthenticateRecordsCommand(context))) {
            tool.addSubcommand(command);
        }
        tool.addSubcommand(new CommandLine.HelpCommand());
        tool.addSubcommand(new AutoComplete.GenerateCompletion());
        HelpLayout.apply(tool);
        // The setters below reach the subcommands added above.
        return tool.setDefaultValueProvider(new SettingDefaults(context.env()))
                .setCaseInsensitiveEnumValuesAllowed(true)
                // A NAME starting with @ is a name, not a file of arguments to read.
                .setExpandAtFiles(false)
                .setOut(new PrintWriter(context.out(), true))
                .setErr(new PrintWriter(context.err(), true))
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionExceptionHandler(new Failures());
    }
}
