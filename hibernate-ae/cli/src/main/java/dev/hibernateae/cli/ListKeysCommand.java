package dev.hibernateae.cli;

import dev.hibernateae.admin.ColumnEncryptionKeyInfo;
import dev.hibernateae.admin.ColumnMasterKeyInfo;
import dev.hibernateae.lifecycle.LifecycleStatus;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code list-keys}: names, providers, paths, which master keys wrap which keys; never key bytes. */
@Command(name = "list-keys", header = "list column master keys, column encryption keys and key name rotations",
        customSynopsis = "${COMMAND-FULL-NAME}",
        description = {
            "Lists the column master keys (provider, key path), the column encryption keys with the master keys",
            "that wrap them, and which key each rotated key name writes with. Never prints key bytes."})
final class ListKeysCommand extends KeyCommand {
    ListKeysCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        var admin = lifecycle().administration();
        lifecycle().createTables();
        List<ColumnMasterKeyInfo> masterKeys = admin.listColumnMasterKeys();
        out().println("Column master keys (" + masterKeys.size() + "):");
        for (ColumnMasterKeyInfo key : masterKeys) {
            out().println("  " + key.name() + "  provider " + key.providerName() + "  key path '"
                    + key.keyPath() + "'" + (key.allowEnclaveComputations() ? "  enclave computations" : "")
                    + "  created " + key.createdAt());
        }
        List<ColumnEncryptionKeyInfo> keys = admin.listColumnEncryptionKeys();
        out().println("Column encryption keys (" + keys.size() + "):");
        for (ColumnEncryptionKeyInfo key : keys) {
            out().println("  " + key.name() + "  wrapped by " + String.join(", ", key.columnMasterKeyNames())
                    + "  created " + key.createdAt());
        }
        List<LifecycleStatus.Rotation> rotations = lifecycle().status().rotations();
        if (!rotations.isEmpty()) {
            out().println("Key names that write with another key:");
            for (LifecycleStatus.Rotation rotation : rotations) {
                out().println("  " + rotation.keyName() + " -> " + rotation.targetKey() + "  (from "
                        + rotation.sourceKey() + ", " + rotation.phase() + ")");
            }
        }
        return ExitCodes.OK;
    }
}
