package dev.hibernateae.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code authenticate-records [--apply]}: adopt the untagged lifecycle records of hibernate-ae 0.1. */
@Command(name = "authenticate-records",
        header = "list, then tag, the key lifecycle records hibernate-ae 0.1 wrote without tags",
        customSynopsis = "${COMMAND-FULL-NAME} [--apply]",
        description = {
            "Applications refuse lifecycle records that carry no authentication tag. Records that hibernate-ae",
            "0.1 wrote have none (revision 0 once the tables are upgraded, see docs/lifecycle.md). Without",
            "--apply this lists them; with --apply it tags them as they stand, with the keys they name. You vouch",
            "for every record listed: check each against what your team ran, and delete any you do not know."})
final class AuthenticateRecordsCommand extends KeyCommand {
    @Option(names = "--apply", description = "tag the records listed")
    boolean apply;

    AuthenticateRecordsCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        List<String> records = lifecycle().authenticateLegacyRecords(apply);
        out().println((apply ? "Authenticated " : "Untagged records from hibernate-ae 0.1 ") + "("
                + records.size() + "):");
        records.forEach(record -> out().println("  " + record));
        if (!apply && !records.isEmpty()) {
            out().println("Check each one, delete those you do not know, then run again with --apply.");
        }
        return ExitCodes.OK;
    }
}
