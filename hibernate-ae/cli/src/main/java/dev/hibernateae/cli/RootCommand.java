package dev.hibernateae.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hibernate-ae-cli} itself: its help is the list of commands ({@link Main} adds them). Run without a command
 * it prints that help and exits with {@link ExitCodes#USAGE}, as a script that forgot the command should see.
 */
@Command(name = Main.TOOL,
        customSynopsis = Main.TOOL + " COMMAND [options]",
        description = "Column master keys, column encryption keys and their lifecycle, for hibernate-ae.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run '" + Main.TOOL + " COMMAND --help' for a command's options.",
                "Connection: --url/--user/--password-env, or HAE_URL/HAE_USER/HAE_PASSWORD, or a --config "
                        + "properties file."})
final class RootCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }
}
