package dev.hibernateae.cli;

import dev.hibernateae.admin.ColumnEncryptionKeyInfo;
import java.util.List;

/** {@code create-cek NAME --cmk CMK}. */
final class CreateCekCommand implements Command {
    @Override
    public String name() {
        return "create-cek";
    }

    @Override
    public String summary() {
        return "create a column encryption key wrapped by a column master key";
    }

    @Override
    public String synopsis() {
        return "NAME --cmk CMK";
    }

    @Override
    public String description() {
        return "Creates column encryption key NAME: 32 random bytes, stored only wrapped by column master key CMK.\n"
                + "Attributes use it with @Encrypted(key = \"NAME\").";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("cmk", "CMK", "the column master key that wraps it"));
    }

    @Override
    public int run(Arguments arguments, Context context) {
        String name = Commands.single(arguments, "a column encryption key NAME");
        ColumnEncryptionKeyInfo key = context.lifecycle().administration().createColumnEncryptionKey(name,
                arguments.required("cmk"));
        context.out.println("Created column encryption key '" + key.name() + "' wrapped by "
                + key.columnMasterKeyNames());
        return ExitCodes.OK;
    }
}
