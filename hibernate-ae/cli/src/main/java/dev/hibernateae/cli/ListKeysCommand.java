package dev.hibernateae.cli;

import dev.hibernateae.admin.ColumnEncryptionKeyInfo;
import dev.hibernateae.admin.ColumnMasterKeyInfo;
import dev.hibernateae.lifecycle.LifecycleStatus;
import java.util.List;

/** {@code list-keys}: names, providers, paths, which master keys wrap which keys; never key bytes. */
final class ListKeysCommand implements Command {
    @Override
    public String name() {
        return "list-keys";
    }

    @Override
    public String summary() {
        return "list column master keys, column encryption keys and key name rotations";
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String description() {
        return "Lists the column master keys (provider, key path), the column encryption keys with the master keys\n"
                + "that wrap them, and which key each rotated key name writes with. Never prints key bytes.";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public int run(Arguments arguments, Context context) {
        Commands.noPositional(arguments);
        var admin = context.lifecycle().administration();
        context.lifecycle().createTables();
        List<ColumnMasterKeyInfo> masterKeys = admin.listColumnMasterKeys();
        context.out.println("Column master keys (" + masterKeys.size() + "):");
        for (ColumnMasterKeyInfo key : masterKeys) {
            context.out.println("  " + key.name() + "  provider " + key.providerName() + "  key path '"
                    + key.keyPath() + "'" + (key.allowEnclaveComputations() ? "  enclave computations" : "")
                    + "  created " + key.createdAt());
        }
        List<ColumnEncryptionKeyInfo> keys = admin.listColumnEncryptionKeys();
        context.out.println("Column encryption keys (" + keys.size() + "):");
        for (ColumnEncryptionKeyInfo key : keys) {
            context.out.println("  " + key.name() + "  wrapped by " + String.join(", ", key.columnMasterKeyNames())
                    + "  created " + key.createdAt());
        }
        List<LifecycleStatus.Rotation> rotations = context.lifecycle().status().rotations();
        if (!rotations.isEmpty()) {
            context.out.println("Key names that write with another key:");
            for (LifecycleStatus.Rotation rotation : rotations) {
                context.out.println("  " + rotation.keyName() + " -> " + rotation.targetKey() + "  (from "
                        + rotation.sourceKey() + ", " + rotation.phase() + ")");
            }
        }
        return ExitCodes.OK;
    }
}
