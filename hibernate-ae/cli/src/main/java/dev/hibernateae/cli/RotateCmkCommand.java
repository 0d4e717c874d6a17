package dev.hibernateae.cli;

import dev.hibernateae.admin.ColumnEncryptionKeyInfo;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rotate-cmk --from A --to B [--complete [--drop-old]]}. */
@Command(name = "rotate-cmk", header = "rotate a column master key (no data is touched)",
        customSynopsis = "${COMMAND-FULL-NAME} --from CMK --to CMK [--complete [--drop-old]]",
        description = {
            "Step 1 (without --complete): every column encryption key wrapped by --from gets a second value wrapped",
            "by --to. Applications unwrap with whichever master key they reach, and pick the new value up at",
            "their next key load (hibernate.ae.key_cache_ttl) without a restart. Give every application access",
            "to --to (and add its path to hibernate.ae.trusted_master_key_paths if you use that setting).",
            "Step 2 (--complete), once they all have it: the values wrapped by --from are removed; --drop-old",
            "also removes --from's metadata. Then retire the old key in its key store."})
final class RotateCmkCommand extends KeyCommand {
    @Option(names = "--from", required = true, paramLabel = "CMK", description = "the column master key being retired")
    String from;

    @Option(names = "--to", required = true, paramLabel = "CMK", description = "the new column master key (create-cmk "
            + "it first)")
    String to;

    @Option(names = "--complete", description = "step 2: remove the values wrapped by --from")
    boolean complete;

    @Option(names = "--drop-old", description = "with --complete: also drop --from's metadata")
    boolean dropOld;

    RotateCmkCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        if (dropOld && !complete) {
            throw usage("--drop-old goes with --complete");
        }
        List<ColumnEncryptionKeyInfo> keys = complete
                ? lifecycle().completeMasterKeyRotation(from, to, dropOld)
                : lifecycle().startMasterKeyRotation(from, to);
        for (ColumnEncryptionKeyInfo key : keys) {
            out().println("  " + key.name() + "  wrapped by " + String.join(", ", key.columnMasterKeyNames()));
        }
        out().println(complete
                ? "Master key rotation from '" + from + "' to '" + to + "' completed for " + keys.size() + " key(s)"
                : "Master key rotation from '" + from + "' to '" + to + "' started for " + keys.size() + " key(s); "
                        + "run again with --complete once every application can reach '" + to + "'");
        return ExitCodes.OK;
    }
}
