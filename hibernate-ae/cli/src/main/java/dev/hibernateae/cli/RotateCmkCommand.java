package dev.hibernateae.cli;

import dev.hibernateae.admin.ColumnEncryptionKeyInfo;
import java.util.List;

/** {@code rotate-cmk --from A --to B [--complete [--drop-old]]}. */
final class RotateCmkCommand implements Command {
    @Override
    public String name() {
        return "rotate-cmk";
    }

    @Override
    public String summary() {
        return "rotate a column master key (no data is touched)";
    }

    @Override
    public String synopsis() {
        return "--from CMK --to CMK [--complete [--drop-old]]";
    }

    @Override
    public String description() {
        return "Step 1 (without --complete): every column encryption key wrapped by --from gets a second value wrapped\n"
                + "by --to. Applications unwrap with whichever master key they reach, and pick the new value up at\n"
                + "their next key load (hibernate.ae.key_cache_ttl) without a restart. Give every application access\n"
                + "to --to (and add its path to hibernate.ae.trusted_master_key_paths if you use that setting).\n"
                + "Step 2 (--complete), once they all have it: the values wrapped by --from are removed; --drop-old\n"
                + "also removes --from's metadata. Then retire the old key in its key store.";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("from", "CMK", "the column master key being retired"),
                Option.value("to", "CMK", "the new column master key (create-cmk it first)"),
                Option.flag("complete", "step 2: remove the values wrapped by --from"),
                Option.flag("drop-old", "with --complete: also drop --from's metadata"));
    }

    @Override
    public int run(Arguments arguments, Context context) {
        Commands.noPositional(arguments);
        String from = arguments.required("from");
        String to = arguments.required("to");
        if (arguments.flag("drop-old") && !arguments.flag("complete")) {
            throw new UsageException("--drop-old goes with --complete");
        }
        List<ColumnEncryptionKeyInfo> keys = arguments.flag("complete")
                ? context.lifecycle().completeMasterKeyRotation(from, to, arguments.flag("drop-old"))
                : context.lifecycle().startMasterKeyRotation(from, to);
        for (ColumnEncryptionKeyInfo key : keys) {
            context.out.println("  " + key.name() + "  wrapped by " + String.join(", ", key.columnMasterKeyNames()));
        }
        context.out.println(arguments.flag("complete")
                ? "Master key rotation from '" + from + "' to '" + to + "' completed for " + keys.size() + " key(s)"
                : "Master key rotation from '" + from + "' to '" + to + "' started for " + keys.size() + " key(s); "
                        + "run again with --complete once every application can reach '" + to + "'");
        return ExitCodes.OK;
    }
}
