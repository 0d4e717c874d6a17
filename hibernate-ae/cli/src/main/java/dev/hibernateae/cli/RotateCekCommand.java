package dev.hibernateae.cli;

import dev.hibernateae.admin.ColumnEncryptionKeyInfo;
import dev.hibernateae.lifecycle.ColumnRef;
import dev.hibernateae.lifecycle.JobOptions;
import dev.hibernateae.lifecycle.KeyLifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code rotate-cek --key NAME --to KEY [--column T.C ...] [--create-target [--cmk CMK]]}. */
final class RotateCekCommand implements Command {
    @Override
    public String name() {
        return "rotate-cek";
    }

    @Override
    public String summary() {
        return "rotate a column encryption key: re-encrypt its columns online";
    }

    @Override
    public String synopsis() {
        return "--key NAME --to KEY [--column TABLE.COLUMN ...] [--create-target [--cmk CMK]] [job options]";
    }

    @Override
    public String description() {
        return "Re-encrypts every value of the columns of key name NAME (those the applications registered in\n"
                + "hae_encrypted_columns at startup, or the --column ones) from the key NAME stands for now to column\n"
                + "encryption key KEY, online. Checks both keys and every table first, then:\n"
                + "  1. announces the rotation; running applications see it within their poll interval and read and\n"
                + "     match cells of both keys in equality queries, still writing the old key;\n"
                + "  2. waits --wait, switches them to writing KEY, and waits --wait again;\n"
                + "  3. re-encrypts in batches (each batch commits its checkpoint; a rerun resumes), with\n"
                + "     compare-and-set updates that never overwrite an application's write;\n"
                + "  4. walks the tables again to verify every value, then marks the rotation completed.\n"
                + "Afterwards drop-cek removes the key rotated from.\n"
                + "Several processes may run the same command at once: they share the tables' key-range partitions.";
    }

    @Override
    public List<Option> options() {
        List<Option> options = new ArrayList<>(List.of(
                Option.value("key", "NAME", "the key name attributes use in @Encrypted(key = ...)"),
                Option.value("to", "KEY", "the column encryption key to rotate to"),
                Option.flag("create-target", "create KEY first if it does not exist"),
                Option.value("cmk", "CMK", "with --create-target: the master key to wrap KEY (default: the one "
                        + "wrapping the current key)")));
        options.addAll(JobFlags.OPTIONS);
        return options;
    }

    @Override
    public int run(Arguments arguments, Context context) {
        Commands.noPositional(arguments);
        String keyName = arguments.required("key");
        String target = arguments.required("to");
        List<ColumnRef> columns = JobFlags.columnsIfAny(arguments);
        AtomicBoolean cancelled = new AtomicBoolean();
        JobOptions options = JobFlags.options(arguments, context, cancelled);
        KeyLifecycle lifecycle = context.lifecycle();
        if (arguments.flag("create-target")) {
            createTarget(lifecycle, keyName, target, arguments.value("cmk"), context);
        } else if (arguments.value("cmk") != null) {
            throw new UsageException("--cmk goes with --create-target");
        }
        return JobFlags.runInterruptibly(cancelled, () -> Commands.report(
                lifecycle.rotateEncryptionKey(keyName, target, columns, options), context));
    }

    private static void createTarget(KeyLifecycle lifecycle, String keyName, String target, String cmk,
            Context context) {
        var admin = lifecycle.administration();
        boolean exists = admin.listColumnEncryptionKeys().stream().anyMatch(k -> k.name().equals(target));
        if (exists) {
            return;
        }
        String current = lifecycle.status().rotations().stream().filter(r -> r.keyName().equals(keyName))
                .map(r -> r.targetKey()).findFirst().orElse(keyName);
        String masterKey = cmk != null ? cmk : admin.encryptionKey(current).columnMasterKeyNames().get(0);
        ColumnEncryptionKeyInfo created = admin.createColumnEncryptionKey(target, masterKey);
        context.out.println("Created column encryption key '" + created.name() + "' wrapped by "
                + created.columnMasterKeyNames());
    }
}
