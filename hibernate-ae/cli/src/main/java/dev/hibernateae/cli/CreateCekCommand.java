package dev.hibernateae.cli;

import dev.hibernateae.admin.ColumnEncryptionKeyInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code create-cek NAME --cmk CMK}. */
@Command(name = "create-cek", header = "create a column encryption key wrapped by a column master key",
        customSynopsis = "${COMMAND-FULL-NAME} NAME --cmk CMK",
        description = {
            "Creates column encryption key NAME: 32 random bytes, stored only wrapped by column master key CMK.",
            "Attributes use it with @Encrypted(key = \"NAME\")."})
final class CreateCekCommand extends KeyCommand {
    @Parameters(paramLabel = "NAME", description = "the column encryption key's name")
    String name;

    @Option(names = "--cmk", required = true, paramLabel = "CMK", description = "the column master key that wraps it")
    String masterKey;

    CreateCekCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        ColumnEncryptionKeyInfo key = lifecycle().administration().createColumnEncryptionKey(name, masterKey);
        out().println("Created column encryption key '" + key.name() + "' wrapped by " + key.columnMasterKeyNames());
        return ExitCodes.OK;
    }
}
