package dev.hibernateae.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drop-cek NAME [--force]}. */
@Command(name = "drop-cek", header = "drop a column encryption key that nothing needs any more",
        customSynopsis = "${COMMAND-FULL-NAME} NAME [--force]",
        description = {
            "Drops column encryption key NAME and its wrapped values. Refused while anything still needs it: a key",
            "name that writes with it (attributes that use it and never rotated, or a rotation's target), a",
            "rotation from or to it that is still running, a lifecycle record authenticated with it, or a cell",
            "under it in a column the applications registered (every value is checked). After rotate-cek",
            "completes, the key rotated from can be dropped. --force drops it anyway: data under it is lost."})
final class DropCekCommand extends KeyCommand {
    @Parameters(paramLabel = "NAME", description = "the column encryption key's name")
    String name;

    @Option(names = "--force", description = "drop even what still needs it (its data becomes unreadable for good)")
    boolean force;

    DropCekCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        if (force) {
            lifecycle().administration().forceDropColumnEncryptionKey(name);
        } else {
            lifecycle().administration().dropColumnEncryptionKey(name);
        }
        out().println("Dropped column encryption key '" + name + "'");
        return ExitCodes.OK;
    }
}
