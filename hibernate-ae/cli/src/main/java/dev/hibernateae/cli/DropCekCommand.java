package dev.hibernateae.cli;

import java.util.List;

/** {@code drop-cek NAME [--force]}. */
final class DropCekCommand implements Command {
    @Override
    public String name() {
        return "drop-cek";
    }

    @Override
    public String summary() {
        return "drop a column encryption key that nothing needs any more";
    }

    @Override
    public String synopsis() {
        return "NAME [--force]";
    }

    @Override
    public String description() {
        return "Drops column encryption key NAME and its wrapped values. Refused while anything still needs it: a key\n"
                + "name that writes with it (attributes that use it and never rotated, or a rotation's target), a\n"
                + "rotation from or to it that is still running, a lifecycle record authenticated with it, or a cell\n"
                + "under it in a column the applications registered (every value is checked). After rotate-cek\n"
                + "completes, the key rotated from can be dropped. --force drops it anyway: data under it is lost.";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.flag("force", "drop even what still needs it (its data becomes unreadable for good)"));
    }

    @Override
    public int run(Arguments arguments, Context context) {
        String name = Commands.single(arguments, "a column encryption key NAME");
        context.lifecycle().administration().dropColumnEncryptionKey(name, arguments.flag("force"));
        context.out.println("Dropped column encryption key '" + name + "'");
        return ExitCodes.OK;
    }
}
