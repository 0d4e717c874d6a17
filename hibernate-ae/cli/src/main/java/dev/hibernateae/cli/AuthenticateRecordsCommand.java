package dev.hibernateae.cli;

import java.util.List;

/** {@code authenticate-records [--apply]}: adopt the untagged lifecycle records of hibernate-ae 0.1. */
final class AuthenticateRecordsCommand implements Command {
    @Override
    public String name() {
        return "authenticate-records";
    }

    @Override
    public String summary() {
        return "list, then tag, the key lifecycle records hibernate-ae 0.1 wrote without tags";
    }

    @Override
    public String synopsis() {
        return "[--apply]";
    }

    @Override
    public String description() {
        return "Applications refuse lifecycle records that carry no authentication tag. Records that hibernate-ae\n"
                + "0.1 wrote have none (revision 0 once the tables are upgraded, see docs/lifecycle.md). Without\n"
                + "--apply this lists them; with --apply it tags them as they stand, with the keys they name. You vouch\n"
                + "for every record listed: check each against what your team ran, and delete any you do not know.";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.flag("apply", "tag the records listed"));
    }

    @Override
    public int run(Arguments arguments, Context context) {
        Commands.noPositional(arguments);
        boolean apply = arguments.flag("apply");
        List<String> records = context.lifecycle().authenticateLegacyRecords(apply);
        context.out.println((apply ? "Authenticated " : "Untagged records from hibernate-ae 0.1 ") + "("
                + records.size() + "):");
        records.forEach(record -> context.out.println("  " + record));
        if (!apply && !records.isEmpty()) {
            context.out.println("Check each one, delete those you do not know, then run again with --apply.");
        }
        return ExitCodes.OK;
    }
}
