package dev.hibernateae.cli;

import dev.hibernateae.admin.ColumnEncryptionKeyInfo;
import dev.hibernateae.admin.ColumnKeyAdministration;
import dev.hibernateae.admin.Provisioned;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code create-cek NAME --cmk CMK [--if-missing]}. */
@Command(name = "create-cek", header = "create a column encryption key wrapped by a column master key",
        customSynopsis = "${COMMAND-FULL-NAME} NAME --cmk CMK [--if-missing]",
        description = {
            "Creates column encryption key NAME: 32 random bytes, stored only wrapped by column master key CMK.",
            "Attributes use it with @Encrypted(key = \"NAME\").",
            "With --if-missing, an existing key of that name is fine if CMK wraps one of its values and that value",
            "unwraps to the key created under NAME; a key CMK does not wrap is an error (exit 1) naming the master",
            "keys that do, and is left as it is."})
final class CreateCekCommand extends KeyCommand {
    @Parameters(paramLabel = "NAME", description = "the column encryption key's name")
    String name;

    @Option(names = "--cmk", required = true, paramLabel = "CMK", description = "the column master key that wraps it")
    String masterKey;

    @Option(names = "--if-missing", description = "succeed without creating anything when the key exists, wrapped "
            + "by CMK")
    boolean ifMissing;

    CreateCekCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        ColumnKeyAdministration admin = lifecycle().administration();
        if (ifMissing) {
            Provisioned<ColumnEncryptionKeyInfo> ensured = admin.ensureColumnEncryptionKey(name, masterKey);
            out().println((ensured.created() ? "Created column encryption key '" + name + "'"
                    : "Column encryption key '" + name + "' already exists,") + " wrapped by "
                    + ensured.key().columnMasterKeyNames());
            return ExitCodes.OK;
        }
        ColumnEncryptionKeyInfo key = admin.createColumnEncryptionKey(name, masterKey);
        out().println("Created column encryption key '" + key.name() + "' wrapped by " + key.columnMasterKeyNames());
        return ExitCodes.OK;
    }
}
