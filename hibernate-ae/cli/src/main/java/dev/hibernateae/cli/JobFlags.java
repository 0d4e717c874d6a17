package dev.hibernateae.cli;

import dev.hibernateae.lifecycle.ColumnRef;
import dev.hibernateae.lifecycle.JobOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every job command shares (a picocli mixin): the columns it processes and how it runs. A number or
 * duration not given leaves {@link JobOptions#DEFAULTS}' own, which the descriptions state.
 */
final class JobFlags {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--column", paramLabel = "TABLE.COLUMN", description = "a column to process (repeat for more)")
    List<String> columns = new ArrayList<>();

    @Option(names = "--key-columns", paramLabel = "TABLE=COL[,COL]", description = "the columns identifying the "
            + "table's rows (default: its primary key); repeatable")
    Map<String, String> keyColumns = new LinkedHashMap<>();

    @Option(names = "--batch-size", paramLabel = "ROWS", description = "rows per batch and transaction (default 1000)")
    Integer batchSize;

    @Option(names = "--partitions", paramLabel = "N", description = "key ranges the table is split into when the job "
            + "is planned (default 8)")
    Integer partitions;

    @Option(names = "--workers", paramLabel = "N", description = "threads of this process working partitions "
            + "(default 1)")
    Integer workers;

    @Option(names = "--worker-name", paramLabel = "NAME", description = "this process's name in the job's partitions "
            + "(default pid@host); a rerun with the same name takes its partitions back at once")
    String workerName;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class, description = "wait after "
            + "announcing before rewriting, such as 25s, 25 (seconds) or PT25S (default 25 s: more than twice the "
            + "applications' hibernate.ae.lifecycle.poll_interval)")
    Duration waitBeforeRewrite;

    @Option(names = "--lease", paramLabel = "DURATION", converter = DurationConverter.class, description = "how long "
            + "a partition stays with a silent worker (default 60 s)")
    Duration lease;

    @Option(names = "--no-progress", description = "do not print progress")
    boolean noProgress;

    /** The --column options, with their --key-columns; at least one. */
    List<ColumnRef> columns() {
        List<ColumnRef> given = columnsIfAny();
        if (given.isEmpty()) {
            throw new ParameterException(command.commandLine(), "Give at least one --column TABLE.COLUMN");
        }
        return given;
    }

    /** The --column options, with their --key-columns; empty when none was given. */
    List<ColumnRef> columnsIfAny() {
        List<ColumnRef> refs = new ArrayList<>();
        for (String spec : columns) {
            ColumnRef column = ColumnRef.parse(spec);
            String keys = keyColumns.get(column.table());
            refs.add(keys == null ? column : column.withKeyColumns(keyColumns(column.table(), keys)));
        }
        return refs;
    }

    private List<String> keyColumns(String table, String keys) {
        List<String> names = Arrays.stream(keys.split(",")).map(String::trim).toList();
        if (names.stream().anyMatch(String::isEmpty)) {
            throw new ParameterException(command.commandLine(), "--key-columns needs TABLE=COLUMN[,COLUMN], got '"
                    + table + "=" + keys + "'");
        }
        return names;
    }

    JobOptions options(Context context, AtomicBoolean cancelled) {
        JobOptions defaults = JobOptions.DEFAULTS;
        JobOptions options = defaults
                .withBatchSize(batchSize != null ? batchSize : defaults.batchSize())
                .withPartitions(partitions != null ? partitions : defaults.partitions())
                .withWorkers(workers != null ? workers : defaults.workers())
                .withCancelled(cancelled::get);
        if (workerName != null) {
            options = options.withWorkerName(workerName);
        }
        if (waitBeforeRewrite != null) {
            options = options.withWaitBeforeRewrite(waitBeforeRewrite);
        }
        if (lease != null) {
            options = options.withLease(lease);
        }
        if (!noProgress) {
            options = options.withProgress(new TerminalProgress(context.err(), System.console() != null));
        }
        return options;
    }
}
