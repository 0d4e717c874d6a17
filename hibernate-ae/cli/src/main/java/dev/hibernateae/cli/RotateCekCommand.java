package dev.hibernateae.cli;

import dev.hibernateae.admin.ColumnEncryptionKeyInfo;
import dev.hibernateae.lifecycle.ColumnRef;
import dev.hibernateae.lifecycle.JobOptions;
import dev.hibernateae.lifecycle.KeyLifecycle;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rotate-cek --key NAME --to KEY [--column T.C ...] [--create-target [--cmk CMK]]}. */
@Command(name = "rotate-cek", header = "rotate a column encryption key: re-encrypt its columns online",
        customSynopsis = "${COMMAND-FULL-NAME} --key NAME --to KEY [--column TABLE.COLUMN ...] "
                + "[--create-target [--cmk CMK]] [job options]",
        description = {
            "Re-encrypts every value of the columns of key name NAME (those the applications registered in",
            "hae_encrypted_columns at startup, or the --column ones) from the key NAME stands for now to column",
            "encryption key KEY, online. Checks both keys and every table first, then:",
            "  1. announces the rotation; running applications see it within their poll interval and read and",
            "     match cells of both keys in equality queries, still writing the old key;",
            "  2. waits --wait, switches them to writing KEY, and waits --wait again;",
            "  3. re-encrypts in batches (each batch commits its checkpoint; a rerun resumes), with",
            "     compare-and-set updates that never overwrite an application's write; in tables with search",
            "     tokens, the same batch replaces the rewritten rows' tokens (from hae_search_tables);",
            "  4. walks the tables again to verify every value, then marks the rotation completed.",
            "Afterwards drop-cek removes the key rotated from.",
            "Several processes may run the same command at once: they share the tables' key-range partitions."})
final class RotateCekCommand extends KeyCommand {
    @Option(names = "--key", required = true, paramLabel = "NAME", description = "the key name attributes use in "
            + "@Encrypted(key = ...)")
    String keyName;

    @Option(names = "--to", required = true, paramLabel = "KEY", description = "the column encryption key to rotate to")
    String target;

    @Option(names = "--create-target", description = "create KEY first if it does not exist")
    boolean createTarget;

    @Option(names = "--cmk", paramLabel = "CMK", description = "with --create-target: the master key to wrap KEY "
            + "(default: the one wrapping the current key)")
    String masterKey;

    @Mixin
    JobFlags job;

    RotateCekCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        if (masterKey != null && !createTarget) {
            throw usage("--cmk goes with --create-target");
        }
        List<ColumnRef> columns = job.columnsIfAny();
        AtomicBoolean cancelled = new AtomicBoolean();
        JobOptions options = job.options(context, cancelled);
        KeyLifecycle lifecycle = lifecycle();
        if (createTarget) {
            createTarget(lifecycle);
        }
        return Interruptible.run(cancelled, () -> JobReports.print(
                lifecycle.rotateEncryptionKey(keyName, target, columns, options), context));
    }

    private void createTarget(KeyLifecycle lifecycle) {
        var admin = lifecycle.administration();
        boolean exists = admin.listColumnEncryptionKeys().stream().anyMatch(k -> k.name().equals(target));
        if (exists) {
            return;
        }
        String current = lifecycle.status().rotations().stream().filter(r -> r.keyName().equals(keyName))
                .map(r -> r.targetKey()).findFirst().orElse(keyName);
        String wrapping = masterKey != null ? masterKey : admin.encryptionKey(current).columnMasterKeyNames().get(0);
        ColumnEncryptionKeyInfo created = admin.createColumnEncryptionKey(target, wrapping);
        out().println("Created column encryption key '" + created.name() + "' wrapped by "
                + created.columnMasterKeyNames());
    }
}
