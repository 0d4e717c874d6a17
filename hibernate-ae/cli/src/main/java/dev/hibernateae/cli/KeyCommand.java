package dev.hibernateae.cli;

import dev.hibernateae.lifecycle.KeyLifecycle;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command of the tool shares: the connection options, {@code --help}, the run's streams, and the
 * lifecycle API over the configured database, opened once. {@link #call()} returns the exit code.
 */
abstract class KeyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin(name = ConnectionOptions.MIXIN)
    ConnectionOptions connection;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;

    final Context context;
    private KeyLifecycle lifecycle;

    KeyCommand(Context context) {
        this.context = context;
    }

    PrintStream out() {
        return context.out();
    }

    KeyLifecycle lifecycle() {
        return lifecycle(null);
    }

    /**
     * The lifecycle API, trusting {@code keyPath} as well as the configured master key paths: the path of a column
     * master key the command itself was asked to create.
     */
    KeyLifecycle lifecycle(String keyPath) {
        if (lifecycle == null) {
            lifecycle = ConnectionSettings.resolve(connection, context.env()).open(keyPath);
        }
        return lifecycle;
    }

    /** A command line picocli accepted but this command cannot run: {@link ExitCodes#USAGE}, with the usage. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
