package dev.hibernateae.cli;

import dev.hibernateae.lifecycle.JobOptions;
import dev.hibernateae.lifecycle.KeyLifecycle;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rebuild-tokens --table TABLE}. */
@Command(name = "rebuild-tokens", header = "derive the search tokens of every row of a table again",
        customSynopsis = "${COMMAND-FULL-NAME} --table TABLE [job options]",
        description = {
            "Derives the search tokens of every row of TABLE again from the values the row holds, under each key",
            "name's current key, as the table's token spec in hae_search_tables says (the applications that map",
            "the table register it at startup); cells are left as they are. For rows written around the",
            "applications: native SQL, plain JDBC, a partial restore. Online, in batches that each lock their rows",
            "and replace their tokens in one transaction, resumable, then verified by a second pass. Refused",
            "while a key name of the table is being rotated (the rotation derives the tokens itself) or a column",
            "of it moves between plaintext and cells."})
final class RebuildTokensCommand extends KeyCommand {
    @Option(names = "--table", required = true, paramLabel = "TABLE", description = "the table with search tokens")
    String table;

    @Mixin
    JobFlags job;

    RebuildTokensCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        if (!job.columnsIfAny().isEmpty()) {
            throw usage("rebuild-tokens takes --table, not --column: it derives the tokens of every searchable "
                    + "column the table's token spec names");
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        JobOptions options = job.options(context, cancelled);
        KeyLifecycle lifecycle = lifecycle();
        return Interruptible.run(cancelled, () -> JobReports.print(lifecycle.rebuildSearchTokens(table, options),
                context));
    }
}
